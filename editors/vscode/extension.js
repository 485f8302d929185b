// ampu for VS Code: starts `ampu lsp` for Asthra, Oats, Elm, Aria and Rask sources, asthra.toml,
// Oats.toml, elm.json, build.abc and rask.build.
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration('ampu').get('path') || 'ampu';
  client = new LanguageClient('ampu', 'ampu', { command, args: ['lsp'] }, {
    documentSelector: [
      { scheme: 'file', language: 'asthra' },
      { scheme: 'file', language: 'oats' },
      { scheme: 'file', language: 'elm' },
      { scheme: 'file', language: 'aria' },
      { scheme: 'file', language: 'rask' },
      { scheme: 'file', pattern: '**/{asthra,Asthra,Oats}.toml' },
      { scheme: 'file', pattern: '**/elm.json' },
      { scheme: 'file', pattern: '**/build.abc' },
    ],
  });
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
