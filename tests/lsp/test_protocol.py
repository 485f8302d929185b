"""The server as each client profile sees it: diagnostics, completion, hover, definition,
quick fixes, manifest completion, folding and renaming a module, on a copy of examples/violations."""
import asyncio

from lsprotocol import types
from pytest_lsp import LanguageClient

from conftest import ROOT, WORK

MAIN = ROOT / "src" / "main.asthra"
MANIFEST = ROOT / "asthra.toml"


def open_file(client: LanguageClient, path, language="asthra"):
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=path.as_uri(), language_id=language, version=1, text=path.read_text())))


async def diagnostics_for(client: LanguageClient, path, timeout=10.0):
    """Pulled when the client declares pull diagnostics (the server then pushes nothing), else pushed."""
    uri = path.as_uri()
    if client.capabilities.text_document.diagnostic is not None:
        report = await client.text_document_diagnostic_async(types.DocumentDiagnosticParams(
            text_document=types.TextDocumentIdentifier(uri=uri)))
        assert report.kind == "full"
        assert uri not in client.diagnostics, "a pull client must not get pushed diagnostics"
        return report.items
    async def wait():
        while uri not in client.diagnostics:
            await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        return client.diagnostics[uri]
    return await asyncio.wait_for(wait(), timeout)


def position_encoding(client):
    return client.init_result.capabilities.position_encoding


async def test_initialize(client: LanguageClient):
    result = client.init_result
    assert result.server_info.name == "ampu"
    offered = (client.capabilities.general and client.capabilities.general.position_encodings) or []
    expected = types.PositionEncodingKind.Utf8 if types.PositionEncodingKind.Utf8 in offered else types.PositionEncodingKind.Utf16
    assert result.capabilities.position_encoding == expected
    assert result.capabilities.text_document_sync.change == types.TextDocumentSyncKind.Incremental
    assert result.capabilities.hover_provider is True
    assert result.capabilities.definition_provider is True


async def test_internal_import_diagnostic(client: LanguageClient):
    open_file(client, MAIN)
    diagnostics = await diagnostics_for(client, MAIN)
    internal = [d for d in diagnostics if d.code == "I006"]
    assert len(internal) == 1
    d = internal[0]
    assert d.range == types.Range(start=types.Position(line=3, character=7), end=types.Position(line=3, character=32))
    assert d.severity == types.DiagnosticSeverity.Error
    assert d.source == "ampu"
    assert d.message == ("user code cannot import internal package 'internal/runtime/memory'\n"
                         "note: 'internal/…' packages are private to the standard library\n"
                         "help: use the public API under 'stdlib/…' instead")
    assert [x.code for x in diagnostics] == ["I006", "I002", "I003", "I004", "I005"]


async def test_import_completion(client: LanguageClient):
    open_file(client, MAIN)
    result = await client.text_document_completion_async(types.CompletionParams(
        text_document=types.TextDocumentIdentifier(uri=MAIN.as_uri()), position=types.Position(line=2, character=15)))
    # The directory's modules and the namespaces the compiler has built in (math, os, str).
    assert [item.label for item in result.items] == ["stdlib/collections", "stdlib/io", "stdlib/math", "stdlib/os", "stdlib/str", "stdlib/string"]
    assert result.items[1].text_edit.new_text == "stdlib/io"
    assert result.items[1].text_edit.range == types.Range(start=types.Position(line=2, character=8), end=types.Position(line=2, character=17))


async def test_hover(client: LanguageClient):
    open_file(client, MAIN)
    result = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=MAIN.as_uri()), position=types.Position(line=2, character=10)))
    markdown = "markdown" in (client.capabilities.text_document.hover.content_format or [])
    expected = "**stdlib import** `stdlib/io`\n\nResolves to `../asthra-home/stdlib/io.asthra`"
    assert result.contents.kind == ("markdown" if markdown else "plaintext")
    assert result.contents.value == (expected if markdown else expected.replace("*", "").replace("`", ""))


async def test_definition(client: LanguageClient):
    open_file(client, MAIN)
    result = await client.text_document_definition_async(types.DefinitionParams(
        text_document=types.TextDocumentIdentifier(uri=MAIN.as_uri()), position=types.Position(line=2, character=10)))
    assert result == types.Location(uri=(WORK / "asthra-home" / "stdlib" / "io.asthra").as_uri(),
                                    range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0)))


async def test_remove_forbidden_import(client: LanguageClient):
    open_file(client, MAIN)
    await diagnostics_for(client, MAIN)
    result = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=MAIN.as_uri()),
        range=types.Range(start=types.Position(line=3, character=10), end=types.Position(line=3, character=10)),
        context=types.CodeActionContext(diagnostics=[])))
    assert [a.title for a in result] == ["Remove the import of 'internal/runtime/memory'"]
    assert {k: list(v) for k, v in result[0].edit.changes.items()} == {MAIN.as_uri(): [types.TextEdit(
        range=types.Range(start=types.Position(line=3, character=0), end=types.Position(line=4, character=0)), new_text="")]}


async def test_manifest_completion_and_diagnostics(client: LanguageClient):
    open_file(client, MANIFEST, language="toml")
    diagnostics = await diagnostics_for(client, MANIFEST)
    assert [(d.code, d.message.split("\n")[0]) for d in diagnostics] == [("M001", "unknown key 'licence' in [package]")]
    result = await client.text_document_completion_async(types.CompletionParams(
        text_document=types.TextDocumentIdentifier(uri=MANIFEST.as_uri()), position=types.Position(line=7, character=0)))
    assert [item.label for item in result.items] == ["description", "license", "authors", "entry", "default-run"]


async def test_folding(client: LanguageClient):
    open_file(client, MANIFEST, language="toml")
    open_file(client, MAIN)
    manifest = await client.text_document_folding_range_async(types.FoldingRangeParams(
        text_document=types.TextDocumentIdentifier(uri=MANIFEST.as_uri())))
    # The opening comment, then each table from its header to its last entry.
    assert [(r.start_line, r.end_line, r.kind) for r in manifest] == [
        (0, 1, types.FoldingRangeKind.Comment), (2, 6, types.FoldingRangeKind.Region), (8, 9, types.FoldingRangeKind.Region),
        (11, 12, types.FoldingRangeKind.Region)]
    main = await client.text_document_folding_range_async(types.FoldingRangeParams(
        text_document=types.TextDocumentIdentifier(uri=MAIN.as_uri())))
    assert [(r.start_line, r.end_line, r.kind) for r in main] == [(2, 9, types.FoldingRangeKind.Imports)]


async def test_rename(client: LanguageClient):
    """Offered to every client; a module (renamed with its file) only to one that renames files
    as an edit tells it (Neovim, VS Code), not to one that does not say so (eglot), which is told
    why. The edit changes each import, then renames the file."""
    operations = (client.capabilities.workspace and client.capabilities.workspace.workspace_edit
                  and client.capabilities.workspace.workspace_edit.resource_operations) or []
    provider = client.init_result.capabilities.rename_provider
    prepares = bool(client.capabilities.text_document.rename and client.capabilities.text_document.rename.prepare_support)
    assert provider == (types.RenameOptions(prepare_provider=True) if prepares else True)
    open_file(client, MAIN)
    position = types.Position(line=9, character=12)
    document = types.TextDocumentIdentifier(uri=MAIN.as_uri())
    if types.ResourceOperationKind.Rename not in operations:
        try:
            await client.text_document_prepare_rename_async(types.PrepareRenameParams(text_document=document, position=position))
        except Exception as refused:  # the client library raises the error reply
            assert "this editor does not say it renames files" in str(refused)
        else:
            raise AssertionError("a module was offered for renaming to a client that renames no files")
        return
    prepared = await client.text_document_prepare_rename_async(types.PrepareRenameParams(text_document=document, position=position))
    assert prepared == types.PrepareRenamePlaceholder(
        range=types.Range(start=types.Position(line=9, character=10), end=types.Position(line=9, character=16)), placeholder="orders")
    edit = await client.text_document_rename_async(types.RenameParams(text_document=document, position=position, new_name="purchases"))
    billing = ROOT / "src" / "billing.asthra"
    assert list(edit.document_changes) == [
        types.TextDocumentEdit(text_document=types.OptionalVersionedTextDocumentIdentifier(uri=billing.as_uri(), version=None), edits=(types.TextEdit(
            range=types.Range(start=types.Position(line=2, character=8), end=types.Position(line=2, character=16)), new_text="./purchases"),)),
        types.TextDocumentEdit(text_document=types.OptionalVersionedTextDocumentIdentifier(uri=MAIN.as_uri(), version=1), edits=(types.TextEdit(
            range=types.Range(start=types.Position(line=9, character=8), end=types.Position(line=9, character=16)), new_text="./purchases"),)),
        types.RenameFile(kind="rename", old_uri=(ROOT / "src" / "orders.asthra").as_uri(), new_uri=(ROOT / "src" / "purchases.asthra").as_uri()),
    ]
