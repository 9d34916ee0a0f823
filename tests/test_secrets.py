"""Secret detection: token shapes, secret-looking names, placeholders; tf-secret and tf-secret-code.

Credential-shaped test values are assembled at run time (`"ghp_" + ...`), so this file holds
no string that a repository's own secret scanning (or push protection) would take for a leak.
"""

from __future__ import annotations

import pytest
from docs_check import tokenshapes as secrets
from docs_check.config import Config
from docs_check.engine import check_text
from docs_check.findings import Finding, Severity

# Real-looking shapes, built so that no literal in this file has the shape.
GH36 = "ghp" + "_" + "aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dF3hJ5"
GH_FINE = "github" + "_pat_" + "11ABCDEFG0" + "a1b2c3d4e5f6g7_" + "h8i9J0K1L2M3N4O5P6Q7R8S9T0U1V2W3X4Y5Z6a7b8c9d0e1f2g3h4i5j6"
AWS_ID = "AKIA" + "Z7QW3ERT5YUI9OPA"
ANTHROPIC = "sk-" + "ant-api03-" + "Xy7kP2mN9qR4tV6wZ1bC3dF5gH8jL0nQ"
OPENAI = "sk-" + "proj-" + "Ab12Cd34Ef56Gh78Ij90Kl12Mn34"
SLACK = "xox" + "b-" + "123456789012-1234567890123-" + "AbCdEfGhIjKlMnOpQrStUvWx"
GITLAB = "gl" + "pat-" + "Zx9Yw8Vu7Ts6Rq5Po4Nm"
GOOGLE = "AI" + "za" + "SyD3fG5hJ7kL9zX1cV3bN5mQ7wE9rT1yU3i"
JWT = (
    "eyJ" + "hbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
    + "eyJzdWIiOiJjb2Rlci1ib3QiLCJpYXQiOjE3MDAwMDAwMDB9."
    + "q8Yx3kR9mZ2vN7bT1wP5sL0fH4jD6gC8aE2uI9oK3nM"
)
PRIVATE_KEY = (
    "-----BEGIN " + "OPENSSH PRIVATE KEY-----\n"
    + "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n"
    + "-----END OPENSSH PRIVATE KEY-----\n"
)
SEED_TOKEN = "ghp_1234567890abcdef"  # the seed's own, short: it must be caught all the same


def kinds(text: str) -> list[str]:
    return [s.kind for s in secrets.scan_text(text)]


def check(md: str, *rules: str) -> list[Finding]:
    return check_text(md, "page.md", Config(select=rules or ("tf-secret", "tf-secret-code")))


# -- token shapes ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        (SEED_TOKEN, "GitHub token"),
        (GH36, "GitHub token"),
        (GH_FINE, "GitHub token"),
        (AWS_ID, "AWS key"),
        (ANTHROPIC, "Anthropic API key"),
        (OPENAI, "OpenAI API key"),
        (SLACK, "Slack token"),
        (GITLAB, "GitLab token"),
        (GOOGLE, "Google API key"),
        (JWT, "JSON Web Token"),
        (PRIVATE_KEY, "private key"),
    ],
)
def test_token_shapes_are_found_in_any_context(value: str, kind: str) -> None:
    for text in (value, f"x = {value}\n", f'  "v": "{value}",\n', f"# {value}\n", f"--opt={value} \\\n"):
        found = list(secrets.find_tokens(text))
        assert [s.kind for s in found] == [kind], text
        if kind != "private key":
            (s,) = found
            assert text[s.start : s.end] == value


@pytest.mark.parametrize(
    "text",
    [
        "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        "ghp_<your-token>",
        "ghp_YOUR_TOKEN_HERE_PLEASE_1234",
        "AKIAIOSFODNN7EXAMPLE",
        'aws_secret_access_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"',
        "AKIAXXXXXXXXXXXXXXXX",
        "xoxb-...",
        "sk-ant-...",
        "sk-...",
        "eyJhbGciOi...",
        # jwt.io's sample token, in countless tutorials
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ."
        + "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
        "-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----",
        "-----BEGIN OPENSSH PRIVATE KEY-----\n<your key>\n",
        "postgres://coder:${POSTGRES_PASSWORD}@db/coder",
        "postgres://username:password@localhost/coder",
        "postgres://coder@localhost:5432/coder",
        "mytask-ghp_abc",  # too short after the prefix
        "disk-abcdefghijklmnopqrstuvwxyz",  # `sk-` inside a word
        "https://github.com/coder/coder/blob/main/README.md",
    ],
)
def test_placeholders_and_lookalikes_are_not_tokens(text: str) -> None:
    assert list(secrets.find_tokens(text)) == []


def test_aws_secret_key_with_its_keyword() -> None:
    secret = "Zq8" + "xR2vT5wY7uI9oP1aS3dF6gH8jK0lM4nB6cV8x"  # 40 characters
    assert kinds(f'aws_secret_access_key = "{secret}"') == ["AWS key"]


def test_password_in_a_url() -> None:
    (s,) = secrets.scan_text("CODER_PG_CONNECTION_URL=postgres://coder:Xk29vLq7Zp@db:5432/coder\n")
    assert (s.kind, s.value) == ("password in a URL", "Xk29vLq7Zp")


# -- names and values ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["GITHUB_TOKEN", "github_pat", "api_key", "API_KEY", "CODER_PROVISIONER_DAEMON_KEY", "db_password",
     "clientSecret", "client-secret", "AWS_SECRET_ACCESS_KEY", "passwd", "credentials",
     "CODER_SESSION_TOKEN", "Coder-Session-Token", "OPENAI_API_KEY", "ANTHROPIC_API_KEY", "token"],
)
def test_secret_names(name: str) -> None:
    assert secrets.is_secret_name(name)


@pytest.mark.parametrize(
    "name",
    ["GITHUB_TOKEN_URL", "CODER_TLS_KEY_FILE", "secretName", "key", "public_key", "ssh_key",
     "maxOutputTokens", "CODER_DISABLE_PASSWORD_AUTH", "path", "pattern", "token_ttl", "keySecretName",
     "region", "id", "monkey"],
)
def test_not_secret_names(name: str) -> None:
    assert not secrets.is_secret_name(name)


@pytest.mark.parametrize(
    "value",
    ["", "<token>", "<your-token-here>", "${GITHUB_TOKEN}", "$GITHUB_TOKEN", "$(coder login token)",
     "{{ secrets.GITHUB_TOKEN }}", "xxxx", "XXXXXXXXXXXX", "...", "57ebc9...02c24c", "****",
     "your-token-here", "changeme", "change-me", "CHANGEME", "API_KEY", "YOUR_API_TOKEN",
     "var.github_pat", "data.coder_workspace_owner.me.session_token", "local.token",
     "process.env.SLACK_BOT_TOKEN", "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
     "password", "secret", "password123", "string", "null", "true", "1234567890", "abcdefgh",
     "my-secret-token", "example-password", "redacted", "<OAuth"],
)
def test_placeholders(value: str) -> None:
    assert secrets.is_placeholder(value)
    assert not secrets.is_hardcoded(value)
    assert not secrets.is_hardcoded(value, strict=False)


@pytest.mark.parametrize("value", [SEED_TOKEN, "k9Xw2mQ7vLp4", "Zp0-Tq9_Ws8.Rv7", "coderRDP!x"])
def test_hardcoded_values(value: str) -> None:
    assert secrets.is_hardcoded(value)


def test_the_strict_bar_is_for_text_scans_only() -> None:
    # `coder` is a demo password in a shell line, but a literal password in Terraform.
    assert not secrets.is_hardcoded("coder")
    assert secrets.is_hardcoded("coder", strict=False)


@pytest.mark.parametrize(
    ("text", "name", "value"),
    [
        ("GITHUB_TOKEN=k9Xw2mQ7vLp4R\n", "GITHUB_TOKEN", "k9Xw2mQ7vLp4R"),
        ("export GITHUB_TOKEN='k9Xw2mQ7vLp4R'\n", "GITHUB_TOKEN", "k9Xw2mQ7vLp4R"),
        ('CODER_OIDC_CLIENT_SECRET="k9Xw2mQ7vLp4R" coder server\n', "CODER_OIDC_CLIENT_SECRET", "k9Xw2mQ7vLp4R"),
        ("  api_key: k9Xw2mQ7vLp4R # prod\n", "api_key", "k9Xw2mQ7vLp4R"),
        ('  "password": "k9Xw2mQ7vLp4R",\n', "password", "k9Xw2mQ7vLp4R"),
        ("coder login --token k9Xw2mQ7vLp4R https://coder.example.com\n", "token", "k9Xw2mQ7vLp4R"),
        ("helm install --set auth.password=k9Xw2mQ7vLp4R\n", "auth.password", "k9Xw2mQ7vLp4R"),
        ("-H 'Coder-Session-Token: k9Xw2mQ7vLp4R'\n", "Coder-Session-Token", "k9Xw2mQ7vLp4R"),
        ('secret_key = "k9Xw2mQ7vLp4R"\n', "secret_key", "k9Xw2mQ7vLp4R"),
        ('$spPassword = "k9Xw2mQ7vLp4R"\n', "spPassword", "k9Xw2mQ7vLp4R"),  # PowerShell's own literal
    ],
)
def test_assignments_in_other_languages(text: str, name: str, value: str) -> None:
    (s,) = secrets.find_assignments(text)
    assert (s.name, s.value, text[s.start : s.end]) == (name, value, value)


@pytest.mark.parametrize(
    "text",
    [
        "export CODER_SESSION_TOKEN=$(coder login token)\n",
        "CODER_EXTERNAL_AUTH_0_CLIENT_SECRET=xxxxxxx\n",
        "CODER_OIDC_CLIENT_SECRET=<client secret>\n",
        "-H 'Coder-Session-Token: API_KEY'\n",
        "dns_cloudflare_api_token = YOUR_API_TOKEN\n",
        "token: process.env.SLACK_BOT_TOKEN,\n",
        "CODER_TLS_KEY_FILE=/path/to/key.pem\n",
        '"maxOutputTokens": 16384,\n',
        "--set auth.password=coder\n",
        "secretName: coder-tls\n",
        "oc login --token=w4r...04s --server=<cluster-url>\n",
        'CODER_EXTERNAL_AUTH_0_TOKEN_URL="https://gitlab.example.com/oauth/token"\n',
        # PowerShell variables set by a cmdlet (Microsoft's Terraform docs, sixty-sixth sample).
        "$psCredential = Get-Credential\n",
        '$spPassword = ConvertTo-SecureString "<servicePrincipalPassword>" -AsPlainText -Force\n',
        "$UnsecureSecret = ConvertFrom-SecureString -SecureString $sp.Secret -AsPlainText\n",
        "$psCredential = New-Object System.Management.Automation.PSCredential($spName , $spPassword)\n",
    ],
)
def test_docs_shapes_that_are_fine(text: str) -> None:
    assert secrets.scan_text(text) == []


# -- tf-secret -------------------------------------------------------------------------------

SEED1_TOKEN = (
    'resource "coder_agent" "main" {\n'
    "\t...\n"
    "\tenv = {\n"
    '\t\tGITHUB_TOKEN = "ghp_1234567890abcdef" # Inject a Bot specific PAT\n'
    "\t}\n"
    "}\n"
)


def tf(body: str, lang: str = "tf") -> str:
    return f"# Page\n\n```{lang}\n{body}```\n"


def test_the_seeds_token_block_is_a_tf_secret() -> None:
    (f,) = check(tf(SEED1_TOKEN))
    assert (f.rule, f.severity) == ("tf-secret", Severity.ERROR)
    # Page line 4 + block line 4 - 1; column: two tabs, `GITHUB_TOKEN = "`, then the token.
    assert (f.line, f.column, f.end_column) == (7, 19, 19 + len(SEED_TOKEN))
    assert "`GITHUB_TOKEN` holds a GitHub token" in f.message
    assert 'variable "github_pat" { type = string; sensitive = true }' in f.message
    assert "`GITHUB_TOKEN = var.github_pat`" in f.message


def test_the_seeds_fix_is_clean() -> None:
    fixed = SEED1_TOKEN.replace('"ghp_1234567890abcdef"', "var.github_pat")
    variable = 'variable "github_pat" {\n  type      = string\n  sensitive = true\n}\n\n'
    assert check(tf(variable + fixed)) == []


@pytest.mark.parametrize(
    ("body", "line", "col", "name"),
    [
        # attribute of a provider block
        ('provider "github" {\n  token = "k9Xw"\n}\n', 5, 12, "token"),
        # a secret-named variable's default
        ('variable "db_password" {\n  default = "k9Xw2mQ7"\n}\n', 5, 14, "db_password"),
        # coder_env: the name comes from the sibling `name`
        ('resource "coder_env" "gh" {\n  agent_id = coder_agent.main.id\n  name     = "GITHUB_TOKEN"\n'
         '  value    = "k9Xw2mQ7vLp4R"\n}\n', 7, 15, "GITHUB_TOKEN"),
        # a container's environment as a list of NAME=value strings
        ('resource "docker_container" "w" {\n  env = ["CODER_AGENT_TOKEN=k9Xw2mQ7vLp4R", "A=b"]\n}\n',
         5, 29, "CODER_AGENT_TOKEN"),
        # a nested object with a quoted key
        ('locals {\n  cfg = {\n    auth = { "api_key" = "k9Xw2mQ7vLp4R" }\n  }\n}\n', 6, 27, "api_key"),
    ],
)
def test_tf_secret_named_literals(body: str, line: int, col: int, name: str) -> None:
    (f,) = check(tf(body))
    assert (f.rule, f.line, f.column) == ("tf-secret", line, col), f.format()
    assert f"`{name}` holds a literal" in f.message


@pytest.mark.parametrize(
    "value",
    ["var.github_pat", "data.coder_external_auth.github.access_token", "local.token",
     '"<your-token>"', '"xxxx"', '"..."', '"${var.github_pat}"', '""', '"REPLACE_ME"',
     "coder_agent.main.token", 'sensitive("x")'],
)
def test_tf_secret_placeholders_and_references(value: str) -> None:
    assert check(tf(f'resource "coder_agent" "main" {{\n  env = {{\n    GITHUB_TOKEN = {value}\n  }}\n}}\n')) == []


def test_a_description_with_an_equals_sign_is_no_environment_entry() -> None:
    # Google's fabric (sixty-eighth sample): `{KEY => {role = ROLE}}` in a variable's
    # description split at its `=` made `Authoritative IAM bindings in {KEY ` a secret's name.
    body = ('variable "iam_bindings" {\n  description = "Authoritative IAM bindings in {KEY => '
            '{role = ROLE, members = [], condition = {}}}. Keys are arbitrary."\n}\n')
    assert check(tf(body)) == []
    (f,) = check(tf('locals {\n  env = ["API_KEY=k9Xw2mQ7vLp4R"]\n}\n'))
    assert "`API_KEY` holds a literal" in f.message


def test_tf_token_shapes_in_comments_and_heredocs() -> None:
    body = (
        f"# old token: {GH36}\n"
        'resource "coder_script" "s" {\n'
        "  script = <<-EOT\n"
        f"    export OPENAI_API_KEY={OPENAI}\n"
        "  EOT\n"
        "}\n"
    )
    found = check(tf(body))
    assert [(f.rule, f.line) for f in found] == [("tf-secret", 4), ("tf-secret", 7)]
    assert "the block holds a GitHub token" in found[0].message
    # In a heredoc the token is found by its shape (the tree sees one string under `script`),
    # so the message names what it is and the variable to pass it through.
    assert found[1].message.startswith("the block holds an OpenAI API key: ")
    assert '`variable "openai_api_key" { type = string; sensitive = true }`' in found[1].message


def test_tf_secret_in_a_block_that_does_not_parse() -> None:
    (f,) = check(tf('provider "github" {\n  token = "k9Xw2mQ7vLp4R"\n'), "tf-secret")
    assert (f.line, f.column) == (5, 12)


def test_tf_secret_inside_list_items_and_alerts() -> None:
    md = (
        "1. Set the token:\n\n"
        "   ```hcl\n"
        "   locals {\n"
        f'     token = "{GH36}"\n'
        "   }\n"
        "   ```\n\n"
        "> [!WARNING]\n"
        "> ```tf\n"
        "> locals {\n"
        '>   password = "k9Xw2mQ7"\n'
        "> }\n"
        "> ```\n"
    )
    found = check(md)
    assert [(f.rule, f.line, f.column) for f in found] == [("tf-secret", 5, 15), ("tf-secret", 12, 17)]


def test_suppressing_a_deliberate_example() -> None:
    md = "<!-- docs-check: disable-next-line tf-secret -->\n```tf\nlocals {\n  token = \"k9Xw2mQ7\"\n}\n```\n"
    assert check(md) == []


# -- tf-secret-code --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "line_text", "col"),
    [
        ("sh", f"export GITHUB_TOKEN={GH36}", 21),
        ("bash", f"curl -H 'Authorization: Bearer {GH36}' https://api.github.com", 32),
        ("console", f"$ coder login --token {OPENAI}", 23),
        ("env", f"ANTHROPIC_API_KEY={ANTHROPIC}", 19),
        ("dotenv", "CODER_OIDC_CLIENT_SECRET=Zq8xR2vT5wY7uI9o", 26),
        ("yaml", f"    slackToken: {SLACK}", 17),
        ("json", f'  "apiKey": "{GOOGLE}",', 14),
        ("text", f"Token: {JWT}", 8),
        ("", f"aws_access_key_id = {AWS_ID}", 21),
        ("ini", f"gitlab_token = {GITLAB}", 16),
    ],
)
def test_tf_secret_code_in_every_kind_of_block(lang: str, line_text: str, col: int) -> None:
    md = f"# Page\n\nRun:\n\n```{lang}\necho start\n{line_text}\n```\n"
    (f,) = check(md)
    assert (f.rule, f.line, f.column, f.severity) == ("tf-secret-code", 7, col, Severity.ERROR), f.format()
    assert (f"`{lang}` block" if lang else "code block") in f.message
    assert "placeholder" in f.message and "revoke" in f.message


def test_tf_secret_code_private_key() -> None:
    md = "```text\n" + PRIVATE_KEY + "```\n"
    (f,) = check(md)
    assert (f.rule, f.line, f.column) == ("tf-secret-code", 2, 6)  # at `BEGIN`


def test_tf_secret_code_in_indented_code_and_alerts() -> None:
    md = (
        "Intro.\n\n"
        f"    export GITHUB_TOKEN={GH36}\n\n"
        "> [!NOTE]\n"
        "> ```sh\n"
        f"> export GITLAB_TOKEN={GITLAB}\n"
        "> ```\n"
    )
    found = check(md)
    assert [(f.rule, f.line, f.column) for f in found] == [("tf-secret-code", 3, 25), ("tf-secret-code", 7, 23)]
    assert "this code block" in found[0].message
    assert "`GITLAB_TOKEN` holds a GitLab token in this `sh` block" in found[1].message


def test_tf_secret_code_placeholders_are_fine() -> None:
    md = (
        "```sh\n"
        "export GITHUB_TOKEN=<your-token>\n"
        'export CODER_SESSION_TOKEN="$(coder login token)"\n'
        "CODER_EXTERNAL_AUTH_0_CLIENT_SECRET=xxxxxxx\n"
        "export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n"
        "export SLACK_BOT_TOKEN=xoxb-...\n"
        "```\n"
    )
    assert check(md) == []


def test_prose_is_not_scanned() -> None:
    # Only code: a token in prose is another rule's business (and a link checker's).
    assert check(f"The token {GH36} in prose.\n") == []


def test_one_credential_one_finding() -> None:
    (f,) = check(f"```sh\nexport GITHUB_TOKEN={GH36}\n```\n")
    assert "`GITHUB_TOKEN` holds a GitHub token" in f.message
    assert "`$GITHUB_TOKEN`" in f.message and "`<github-token>`" in f.message


# -- values that leak nothing ----------------------------------------------------------------


def test_a_modules_documented_default_is_not_a_leak() -> None:
    # user-guides/workspace-access/remote-desktops.md in Coder's docs: `coderRDP!` is the
    # windows-rdp module's documented `admin_password` default (the catalog records it).
    url = "```txt\ncoder://coder.example.com/v0/open/ws/w/agent/main/rdp?username=Administrator&password=coderRDP!\n```\n"
    assert check(url) == []
    module = tf('module "windows_rdp" {\n  source         = "registry.coder.com/coder/windows-rdp/coder"\n'
                '  admin_password = "coderDCV!"\n}\n')
    assert check(module) == []
    # A value the catalog does not list is still reported, in the same places.
    [f] = check(url.replace("coderRDP!", "k9Xw2mQ7vLp4R"))
    assert f.rule == "tf-secret-code" and "password" in f.message
    [g] = check(module.replace("coderDCV!", "k9Xw2mQ7vLp4R"))
    assert g.rule == "tf-secret" and "`admin_password` holds a literal password" in g.message


@pytest.mark.parametrize("demo", ["admin123", "P@ssw0rd!", "Passw0rd", "letmein", "qwerty123", "hunter2"])
def test_well_known_demo_passwords_are_demo_values_like_password123(demo: str) -> None:
    assert check(tf('provider "postgresql" {\n  password = "password123"\n}\n')) == []  # as before
    assert check(tf(f'provider "postgresql" {{\n  password = "{demo}"\n}}\n')) == []
    assert check(f"```sh\nexport DB_PASSWORD={demo}\n```\n") == []


def test_a_password_the_line_tells_the_reader_to_change_is_a_placeholder() -> None:
    # A community template's README (dev-easily/coder-templates): `# 请修改`, "please change".
    sh = '```bash\nexport POSTGRES_PASSWORD="eucoderp" # 请修改\nexport ADMIN_PASSWORD="k9Xw2mQ7" # change me\n```\n'
    assert check(sh) == []
    assert check(tf('provider "postgresql" {\n  password = "k9Xw2mQ7" # replace with your own\n}\n')) == []
    # A comment that says nothing of changing it, or none: reported; a token shape always is.
    [f] = check('```bash\nexport DB_PASSWORD="k9Xw2mQ7" # set at install time\n```\n')
    assert f.rule == "tf-secret-code"
    [g] = check(f"```sh\nexport GITHUB_TOKEN={GH36} # replace with yours\n```\n")
    assert "GitHub token" in g.message


# Values that hold no secret, each with a random value in its place that is reported:
# - a community template's README: the local PostgreSQL's default account, in a URL and as
#   psycopg2's keywords (the password is its user name);
# - twenty-second sample (nmajor/coder-workspace-postgres): the postgres image's default
#   account, in a shell command and in a Terraform `env` list (a word of its own key);
# - thirty-first sample (a code-server kit's README): `sessionKey` names a session, and
#   thirty-second: `PASSWORD=thisisnice`, a smoke test's password (values that read as words);
# - nineteenth and thirty-third samples: `DB_PASSWORD=securepass123` in a sample `.env`,
#   `PASSWORD=mysecurepassword` in a `docker run` example (common words run together);
# - thirty-fourth sample (gemini-cli's notes on weak tokens): a call computes the value;
# - thirty-seventh (a vector config's README): Azure's sample connection string, whose
#   `AccountKey` is base64 of `signingkey`.
NOT_CREDENTIALS = [
    ("```\npostgresql://postgres:postgres@localhost:5432/appdb\n```\n", "postgres@", "k9Xw2mQ7vL@"),
    ('```python\nconn = psycopg2.connect("dbname=appdb user=postgres password=postgres host=localhost")\n```\n',
     "password=postgres", "password=k9Xw2mQ7vL"),
    ("```bash\ndocker run -d -e POSTGRES_PASSWORD=postgres -p 5432:5432 postgres-dev\n```\n", "=postgres ", "=k9Xw2mQ7vL "),
    (tf('resource "docker_container" "db" {\n  env = ["POSTGRES_PASSWORD=postgres"]\n}\n'), "=postgres", "=k9Xw2mQ7vL"),
    ('```ts\nconst s = await kit.open({ sessionKey: "workspace-42" });\n```\n', "workspace-42", "k9Xw2mQ7vLp3"),
    ("```bash\ndocker run -e PASSWORD=shared-terminal-smoke-only -e TOKEN=thisisnice img\n```\n",
     "shared-terminal-smoke-only", "Mjk2NjBhY2E3Zjg4"),
    ("```bash\ndocker run -e PASSWORD=mysecurepassword -e DB_PASSWORD=securepass123 img\n```\n",
     "mysecurepassword", "xkfjtheqplandrsw"),
    # hundred-and-fourth (Phoenix's testing guide): words apart, a user's name and `pass`.
    ('```elixir\n@attrs %{name: "John", password: "john pass"}\n```\n', "john pass", "xkfj qplw"),
    ("```bash\ndocker run -e PASSWORD=mysecurepassword -e DB_PASSWORD=securepass123 img\n```\n",
     "securepass123", "qmzvkeglrstw123"),
    ("```javascript\nconst token = Math.random() * 1000000;\n```\n", "Math.random() * 1000000", '"k9Xw2mQ7vLp3"'),
    # seventy-fifth (PowerToys' settings page): `icon_key` names an icon by a slug of words.
    ('```json\n{\n  "icon_key": "pt-shortcut-guide"\n}\n```\n', "pt-shortcut-guide", "pt-k9Xw2mQ7vLp3"),
    # seventy-sixth (Bitnami's common chart): `keyMapping` names the key of a Secret, in camel case.
    ("```yaml\nkeyMapping:\n  password: myPasswordKey\n```\n", "myPasswordKey", "qwErT9yuiOp"),
    # fifty-third (a devworkspace-operator page): a URL template, each part in braces to fill in.
    ("```yaml\ndata:\n  credentials: https://{USERNAME}:{PERSONAL_ACCESS_TOKEN}@{GIT_WEBSITE}\n```\n",
     "{USERNAME}:{PERSONAL_ACCESS_TOKEN}@{GIT_WEBSITE}", "bob:Xk29fjQ82hfPq@github.com"),
    # fifty-fourth (CloudNativePG's role docs): the hash's format, a placeholder for each part;
    # a Secret whose password repeats its user name (the demo role `dante`, in base64).
    ("```yaml\nstringData:\n  password: SCRAM-SHA-256$<iteration count>:<salt>$<StoredKey>:<ServerKey>\n```\n",
     "$<iteration count>:<salt>$<StoredKey>:<ServerKey>", "$Xk29fjQ82hfPqLm"),
    ("```yaml\ndata:\n  username: ZGFudGU=\n  password: ZGFudGU=\nkind: Secret\n```\n",
     "password: ZGFudGU=", "password: cTh4WjJtS3Y5d0xwNHNOZDdi"),
    # forty-fourth (an Istio module's README): Kubernetes' topologyKey names a node label.
    ('```yaml\ntopologyKey: "topology.kubernetes.io/zone"\n```\n', "topologyKey", "signingKey"),
    ("```yaml\nconnection_string: DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=c2lnbmluZ2tleQ==;"
     "EndpointSuffix=core.windows.net\n```\n", "c2lnbmluZ2tleQ==", "q8ZxRt2mKv9wLp4sNd7b"),
    # eighty-fifth (Renovate's private-packages page): a token typed out of the alphabet and
    # counting; a token encrypted for Renovate to decrypt, under `encrypted`, made to be committed.
    ('```json\n{\n  "npmToken": "abcdefghi-1234-jklmno-aac6-12345567889"\n}\n```\n',
     "abcdefghi-1234-jklmno", "qk8Zx2Rt-9mKv-wLp4sN"),
    ('```json\n{\n  "encrypted": {\n    "npmToken": "xxT19RIdhAh09lkhdrK39HzKNBn3etoLZAwHdeJ25cX+5y52a9kAC7"\n  }\n}\n```\n',
     '"encrypted"', '"settings"'),
    ("```yaml\nspec:\n  encryptedData:\n    password: AgBy3i4OJSWK+PiTySYZZA9rO43cGDEq\n```\n", "encryptedData", "stringData"),
    # eighty-eighth (a Helm chart's README): a Secret's password, base64 of `1234`, a demo value.
    ("```yml\nkind: Secret\ndata:\n  password: MTIzNA==\n```\n", "MTIzNA==", "cTh4WjJtS3Y5d0xwNHNOZDdi"),
    # hundred-and-first (Neon's guides): the example password of every connection string,
    # the alphabet and counting in runs of three, any case.
    ("```bash\npostgres://alex:AbC123dEf@ep-cool-darkness-123456.us-east-2.aws.neon.tech/dbname\n```\n",
     "AbC123dEf", "Xk9Tq2LmWz"),
    # hundred-and-seventeenth (Headscale's and Kong's docs): two runs are enough; an article
    # opens the words run together.
    ('```bash\nexport HEADSCALE_CLI_API_KEY="abcde12345"\n```\n', "abcde12345", "q8Zx2Rt9mK"),
    ("```bash\ncurl -XPATCH localhost:8001/basic-auth/x -d password=adifferentsecretpassword\n```\n",
     "adifferentsecretpassword", "qkxzvtrwplmnbgfd"),
    # hundred-and-seventeenth (Kong's Admin API output): the SHA-1 hash Kong stores for a
    # basic-auth credential, under `password`; the same value set as an environment variable
    # (below) is reported.
    ('```json\n{\n  "username": "bob",\n  "password": "da61c0083b6d19ef3db2490d0da96a71572da0fa"\n}\n```\n',
     "da61c0083b6d19ef3db2490d0da96a71572da0fa", "k9Xw2mQ7vLp3qZ8rT1sY4uV6wX0aB2cD5eF7gH9j"),
    # hundred-and-nineteenth (EMQX's API for importing users): SCRAM's stored key beside its salt.
    ('```json\n{\n  "stored_key": "008F5E0CC6316BB172F511E93E4756EEA876B5B5125F1CD2FD69A2C30F9A0D73",\n'
     '  "salt": "6633653634383437393466356532333165656435346432393464366165393137"\n}\n```\n',
     "008F5E0CC6316BB172F511E93E4756EEA876B5B5125F1CD2FD69A2C30F9A0D73", "k9Xw2mQ7vLp3qZ8rT1sY4uV6wX0aB2cD5eF7gH9j"),
]


@pytest.mark.parametrize(("text", "value", "random"), NOT_CREDENTIALS)
def test_a_value_that_holds_no_secret_is_not_reported(text: str, value: str, random: str) -> None:
    assert check(text) == []
    assert len(check(text.replace(value, random))) == 1


def test_a_hex_digest_is_a_passwords_hash_except_where_the_reader_sets_it() -> None:
    digest = "5f4dcc3b5aa765d61d8327deb882cf99"
    assert check(f'```yaml\nuser:\n  hashed_password: "{digest}"\n```\n') == []
    [f] = check(f"```sh\nexport DB_PASSWORD={digest}\n```\n")
    assert f.rule == "tf-secret-code"
    # Not a digest's length, or under a key that is not a password's: reported.
    assert len(check(f'```yaml\npassword: "{digest[:30]}"\n```\n')) == 1
    assert len(check(f'```yaml\napi_token: "{digest}"\n```\n')) == 1


def test_a_stored_hash_in_a_frameworks_format_is_no_credential() -> None:
    django = "pbkdf2_sha256$260000$rMoBnnLVCCvM$kGVIVkRJbsbDt9Ev3tyeXCQZmyZ6ZfTO9LxVv3GOG0s="
    assert check(f'```yaml\nusers:\n  - password: "{django}"\n```\n') == []
    # The same random part alone is a password.
    assert len(check('```yaml\nusers:\n  - password: "rMoBnnLVCCvMkGVIVkRJbsbDt9Ev3ty"\n```\n')) == 1


def test_a_key_that_names_a_map_entry_is_no_credential() -> None:
    # Azure Verified Modules (thirty-ninth sample): `*_key` attributes name another map's entry.
    assert check(tf('module "hub" {\n  route_table_reference_key = "Firewall"\n}\n')) == []
    [f] = check(tf('module "hub" {\n  route_table_reference_key = "k9Xw2mQ7vLp3"\n}\n'))
    assert f.rule == "tf-secret"


def test_a_terraform_literal_of_words_is_still_a_credential() -> None:
    for words in ("thisisnice", "mysecurepassword"):
        [f] = check(tf(f'provider "postgresql" {{\n  password = "{words}"\n}}\n'))
        assert f.rule == "tf-secret"


@pytest.mark.parametrize("real", ["k9Xw2mQ7", "admin-7f9a3kq2xZ", "coder"])
def test_values_that_only_look_demo_are_still_reported(real: str) -> None:
    # `coder` stays a literal password in Terraform (the strict bar is for text scans only).
    [f] = check(tf(f'provider "postgresql" {{\n  password = "{real}"\n}}\n'))
    assert f.rule == "tf-secret"


def test_the_file_that_holds_a_credential_is_not_the_credential() -> None:
    # coder/registry's restic README: the service account's key file, under the name Google's
    # client libraries read it from; and key files passed to commands.
    restic = tf(
        'module "restic" {\n  source = "registry.coder.com/coder/restic/coder"\n  env = {\n'
        '    GOOGLE_PROJECT_ID              = var.gcp_project_id\n'
        '    GOOGLE_APPLICATION_CREDENTIALS = "/path/to/service-account.json"\n  }\n}\n'
    )
    assert check(restic) == []
    md = (
        "```sh\n"
        "export GOOGLE_APPLICATION_CREDENTIALS=~/keys/service-account.json\n"
        "ssh-keygen -f ./deploy_key\n"
        "export SSH_PRIVATE_KEY=/home/coder/.ssh/id_ed25519\n"
        "```\n"
    )
    assert check(md) == []
    assert check(tf('resource "x" "y" {\n  private_key = "C:\\\\keys\\\\server.pem"\n}\n')) == []
    # A credential that starts with `/` is no path: one random segment, or no segments at all.
    for value in ("/" + GH36[4:], "/aB3dE5gH7/kL9mN1pQ3sT5vW7yZ9bC1dF3hJ5"):
        [f] = check(tf(f'resource "x" "y" {{\n  password = "{value}"\n}}\n'))
        assert f.rule == "tf-secret", value


def test_a_key_id_given_to_a_keyring_command_is_public() -> None:
    """Spacemacs' README (hundred-and-twenty-eighth sample): `gpg --receive-keys` takes a public
    key's id; `tmux send-keys` takes keystrokes. An API key on the same kind of line is told."""
    md = ("```sh\ngpg --homedir ~/.emacs.d/elpa/gnupg --receive-keys 066DAFCB81E42C40\n"
          "gpg --keyserver keyserver.ubuntu.com --recv-keys 066DAFCB81E42C40\n"
          "tmux send-keys -t main q8Zr2LmX9vPq\n"
          "curl --api-key q8Zr2LmX9vPqW3tK7yHs https://example.com\n```\n")
    assert [f.line for f in check(md, "tf-secret-code")] == [5]


def test_oauths_published_example_tokens_are_no_secrets() -> None:
    """ORY Hydra's docs (hundred-and-thirty-first sample) copy RFC 6749's example response; a
    token of the same shape that is no published example is told."""
    md = ('```\n{\n  "access_token":"2YotnFZFEjr1zCsicMWpAA",\n  "token_type":"example",\n'
          '  "refresh_token":"tGzv3JOkF0XG5Qx2TlKWIA"\n}\n```\n')
    assert check(md, "tf-secret-code") == []
    assert len(check(md.replace("2YotnFZFEjr1zCsicMWpAA", "9KqwPzLmR4vT7xYbN2cJdA"), "tf-secret-code")) == 1


def test_tokens_on_a_page_that_runs_a_secret_scanner_are_made_up_to_be_found() -> None:
    """gitleaks' notes on a Sourcegraph rule (hundred-and-thirty-eighth sample) echo a made-up
    `sgp_` token into a file, then run `./gitleaks detect` on it. Without the scanner's run, the
    same token is told; a word that only names the scanner runs nothing."""
    token = "sgp_AaD80dc6E02eCAE1_d3cba16CC0F18fA14A2EFB61CbDFceEBf9fAD16b"
    md = f"```bash\necho 'TOKEN={token}' > /tmp/test.txt\n./gitleaks detect --no-git -s /tmp/test.txt -v\n```\n"
    assert check(md, "tf-secret-code") == []
    assert len(check(md.replace("./gitleaks detect", "cat"), "tf-secret-code")) == 1
    assert len(check(md.replace("./gitleaks detect", "# gitleaks detect"), "tf-secret-code")) == 1


def test_a_sentence_made_up_as_a_password_is_no_secret() -> None:
    """Flatcar's docs (hundred-and-forty-second sample): `--docker-password='passphrases are
    great!'` beside the user `giffee_lover_93`: words, a sentence's end after them. Random
    characters with a space are told."""
    md = ("```shell\n$ kubectl create secret docker-registry s --docker-username=giffee_lover_93 "
          "--docker-password='passphrases are great!'\n```\n")
    assert check(md, "tf-secret-code") == []
    assert len(check(md.replace("passphrases are great!", "Xk9!qRz Lm2#vTp8"), "tf-secret-code")) == 1


def test_a_demo_word_with_short_bits_around_it_is_a_made_up_password() -> None:
    """AppFlowy's frontend test (`A!@123abc`) and sqlmap's throwaway database (`Esp_pass123`),
    hundred-and-sixty-first and sixtieth samples: a demo word with a few short bits of letters.
    A word that is no demo word, or bits that outweigh it, or many pieces, are told."""
    for value, told in (("A!@123abc", False), ("Esp_pass123", False), ("Xq7_pass9Kz_Lm", True),
                        ("Qmx_Kze7", True), ("Esp_pasz123", True), ("Qxzv_pass", True)):
        md = f'```typescript\nawait signUp({{\n  password: "{value}",\n}});\n```\n'
        assert (len(check(md, "tf-secret-code")) == 1) is told, value


def test_a_json_web_token_of_a_subject_counted_out_is_an_example() -> None:
    """OWASP's testing guide (hundred-and-sixtieth sample) explains a JWT with one whose payload
    is `{"id": "1234567890", "name": "Alice"}`, jwt.io's counted-out subject; a token of any
    other subject is told."""
    header = "eyJhbGciOiAiSFMyNTYiLCAidHlwIjogIkpXVCJ9"
    signature = "DERSXICJKao4Q4Cbao3FuPJWQy8CVAcwc84rLEeeQeQ"
    counted = "eyJpZCI6ICIxMjM0NTY3ODkwIiwgIm5hbWUiOiAiQWxpY2UifQ"  # {"id": "1234567890", "name": "Alice"}
    issued = "eyJzdWIiOiAiOWYzYTdjMjEiLCAibmFtZSI6ICJBbGljZSJ9"  # {"sub": "9f3a7c21", "name": "Alice"}
    md = "```\n{}.{}.{}\n```\n"
    assert check(md.format(header, counted, signature), "tf-secret-code") == []
    assert len(check(md.format(header, issued, signature), "tf-secret-code")) == 1
