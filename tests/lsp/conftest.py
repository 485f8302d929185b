"""pytest-lsp against the built `ampu lsp`, with the capabilities real clients send."""
import atexit
import os
import pathlib
import shutil
import tempfile

import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

REPO = pathlib.Path(__file__).resolve().parents[2]
AMPU = os.environ.get("AMPU", str(REPO / ".build" / "debug" / "ampu"))

# A copy of the violations example next to the small standard library it points at.
WORK = pathlib.Path(tempfile.mkdtemp(prefix="ampu-lsp-"))
shutil.copytree(REPO / "examples" / "violations", WORK / "violations")
shutil.copytree(REPO / "examples" / "asthra-home", WORK / "asthra-home")
ROOT = WORK / "violations"
atexit.register(shutil.rmtree, WORK, True)

PROFILES = ["neovim@v0.7.0", "neovim@v0.11.0", "emacs@v29.1", "visual-studio-code@v1.65.2"]


@pytest_lsp.fixture(
    params=PROFILES,
    config=ClientServerConfig(server_command=[AMPU, "lsp"], server_env={"HOME": str(WORK), "PATH": os.environ.get("PATH", "")}),
)
async def client(request, lsp_client: LanguageClient):
    params = types.InitializeParams(
        capabilities=client_capabilities(request.param),
        root_uri=ROOT.as_uri(),
        workspace_folders=[types.WorkspaceFolder(uri=ROOT.as_uri(), name="violations")],
    )
    # Real clients accept the server's dynamic registration of watched files.
    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register_capability(params: types.RegistrationParams):
        lsp_client.registrations = params.registrations
        return None

    lsp_client.registrations = []
    lsp_client.init_result = await lsp_client.initialize_session(params)
    yield
    await lsp_client.shutdown_session()
