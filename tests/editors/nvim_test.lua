-- Headless Neovim against `ampu lsp`, through editors/neovim/ampu.lua: open a file with a
-- problem, wait for its diagnostic, ask for completion, hover and references, and format it.
-- Env: AMPU (the binary), REPO (the repository), WS (a copy of an example), FILE (the file in
-- it), FILETYPE, CODE (the diagnostic to wait for), COMPLETION, HOVER and, when set, REFERENCES
-- (LINE:CHARACTER, 0-based), FORMAT (a line to print after formatting, 1-based), RENAME
-- (LINE:CHARACTER:NAME, a module's name in an import, renamed) and FIXALL (any value: the
-- file's certain fixes made).
local ampu, repo, ws = os.getenv('AMPU'), os.getenv('REPO'), os.getenv('WS')
local file, filetype, code = os.getenv('FILE'), os.getenv('FILETYPE'), os.getenv('CODE')
local function position(name)
  local line, character = os.getenv(name):match('(%d+):(%d+)')
  return { line = tonumber(line), character = tonumber(character) }
end
package.path = repo .. '/editors/neovim/?.lua;' .. package.path

local function fail(message)
  io.stderr:write('nvim test: ' .. message .. '\n')
  vim.cmd('cquit 1')
end

require('ampu').setup({ cmd = { ampu, 'lsp' } })
vim.cmd('edit ' .. ws .. '/' .. file)
local buf = vim.api.nvim_get_current_buf()
if vim.bo[buf].filetype ~= filetype then fail('filetype is ' .. vim.bo[buf].filetype) end

local function wanted_diagnostic()
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.code == code then return d end
  end
end
if not vim.wait(20000, function() return wanted_diagnostic() ~= nil end, 20) then
  fail('no ' .. code .. ' diagnostic arrived; got ' .. vim.inspect(vim.diagnostic.get(buf)))
end
local d = wanted_diagnostic()
print(string.format('diagnostic %d:%d %s', d.lnum + 1, d.col + 1, vim.split(d.message, '\n')[1]))

local uri = vim.uri_from_bufnr(buf)
local completion = vim.lsp.buf_request_sync(buf, 'textDocument/completion',
  { textDocument = { uri = uri }, position = position('COMPLETION') }, 10000)
local labels = {}
for _, response in pairs(completion or {}) do
  for _, item in ipairs((response.result or {}).items or {}) do table.insert(labels, item.label) end
end
print('completion ' .. table.concat(labels, ' '))
if #labels == 0 then fail('no completion items: ' .. vim.inspect(completion)) end

local hover = vim.lsp.buf_request_sync(buf, 'textDocument/hover',
  { textDocument = { uri = uri }, position = position('HOVER') }, 10000)
local text
for _, response in pairs(hover or {}) do
  if response.result then text = response.result.contents.value end
end
if not text then fail('no hover: ' .. vim.inspect(hover)) end
print('hover ' .. text:gsub('\n', ' '))

-- With REFERENCES (a position on an import): the imports that lead where it does, as file
-- names and lines.
if os.getenv('REFERENCES') then
  local references = vim.lsp.buf_request_sync(buf, 'textDocument/references',
    { textDocument = { uri = uri }, position = position('REFERENCES'), context = { includeDeclaration = false } }, 10000)
  local places = {}
  for _, response in pairs(references or {}) do
    for _, location in ipairs(response.result or {}) do
      table.insert(places, vim.fn.fnamemodify(vim.uri_to_fname(location.uri), ':t') .. ':' .. (location.range.start.line + 1))
    end
  end
  table.sort(places)
  if #places == 0 then fail('no references: ' .. vim.inspect(references)) end
  print('references ' .. table.concat(places, ' '))
end
-- With FORMAT (a line number): the buffer formatted through the server, and that line printed.
if os.getenv('FORMAT') then
  if vim.lsp.buf.format then
    vim.lsp.buf.format({ async = false, timeout_ms = 10000 })
  else
    vim.lsp.buf.formatting_sync(nil, 10000)
  end
  local n = tonumber(os.getenv('FORMAT'))
  print('formatted ' .. vim.api.nvim_buf_get_lines(buf, n - 1, n, false)[1])
end
-- With RENAME: the module named there renamed through the server, Neovim applying the edit
-- (the file's rename too) and writing every buffer; then which of the two files is there, and
-- each line of the workspace's sources that imports the new name.
if os.getenv('RENAME') then
  local line, character, name = os.getenv('RENAME'):match('(%d+):(%d+):(.+)')
  local position = { line = tonumber(line), character = tonumber(character) }
  local prepared = vim.lsp.buf_request_sync(buf, 'textDocument/prepareRename', { textDocument = { uri = uri }, position = position }, 10000)
  local old
  for _, response in pairs(prepared or {}) do
    if response.result then old = response.result.placeholder end
  end
  if not old then fail('prepareRename offered nothing: ' .. vim.inspect(prepared)) end
  local renamed = vim.lsp.buf_request_sync(buf, 'textDocument/rename', { textDocument = { uri = uri }, position = position, newName = name }, 10000)
  local edit
  for _, response in pairs(renamed or {}) do
    if response.result then edit = response.result end
  end
  if not edit then fail('no rename: ' .. vim.inspect(renamed)) end
  vim.lsp.util.apply_workspace_edit(edit, 'utf-16')
  vim.cmd('silent wall')
  local dir = vim.fn.fnamemodify(ws .. '/' .. file, ':h')
  print(string.format('renamed %s.asthra:%s %s.asthra:%s', old, vim.fn.filereadable(dir .. '/' .. old .. '.asthra'), name, vim.fn.filereadable(dir .. '/' .. name .. '.asthra')))
  for _, path in ipairs(vim.fn.sort(vim.fn.glob(dir .. '/*.asthra', false, true))) do
    for n, text in ipairs(vim.fn.readfile(path)) do
      if text:find(name, 1, true) then print(string.format('imports %s:%d %s', vim.fn.fnamemodify(path, ':t'), n, text)) end
    end
  end
end
-- With FIXALL: the file's certain fixes asked by kind (`source.fixAll`, as on save), Neovim
-- applying the one action; then the buffer's import lines.
if os.getenv('FIXALL') then
  local range = { start = { line = 0, character = 0 }, ['end'] = { line = 0, character = 0 } }
  local answers = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction',
    { textDocument = { uri = uri }, range = range, context = { diagnostics = {}, only = { 'source.fixAll' } } }, 10000)
  local action
  for _, response in pairs(answers or {}) do
    for _, a in ipairs(response.result or {}) do action = a end
  end
  if not action then fail('no source.fixAll action: ' .. vim.inspect(answers)) end
  print('fixall ' .. action.title)
  vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
  for n, text in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    if text:find('^import') then print(string.format('fixed %d %s', n, text)) end
  end
end
vim.cmd('qall!')
