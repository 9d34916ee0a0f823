// A Zed dev extension that starts `docs-check lsp` for Markdown files. Zed starts language
// servers only from extensions; this one adds nothing but the command. `docs-check` is
// looked up on the worktree's PATH (start Zed from a shell with the repository's .venv
// activated), and the shell's environment is passed on.
use zed_extension_api::{self as zed, Result};

struct DocsCheck;

impl zed::Extension for DocsCheck {
    fn new() -> Self {
        DocsCheck
    }

    fn language_server_command(
        &mut self,
        _language_server_id: &zed::LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<zed::Command> {
        let command = worktree.which("docs-check").ok_or_else(|| {
            "docs-check is not on PATH: activate the repository's .venv before starting Zed".to_string()
        })?;
        Ok(zed::Command {
            command,
            args: vec!["lsp".to_string()],
            env: worktree.shell_env(),
        })
    }
}

zed::register_extension!(DocsCheck);
