-- Headless Neovim against `ampu lsp`, through editors/neovim/ampu.lua: open a file with an
-- internal-import violation, wait for the diagnostic, ask for completion and hover.
-- Env: AMPU (the binary), REPO (the repository), WS (a copy of examples/violations).
local ampu, repo, ws = os.getenv('AMPU'), os.getenv('REPO'), os.getenv('WS')
package.path = repo .. '/editors/neovim/?.lua;' .. package.path

local function fail(message)
  io.stderr:write('nvim test: ' .. message .. '\n')
  vim.cmd('cquit 1')
end

require('ampu').setup({ cmd = { ampu, 'lsp' } })
vim.cmd('edit ' .. ws .. '/src/main.asthra')
local buf = vim.api.nvim_get_current_buf()
if vim.bo[buf].filetype ~= 'asthra' then fail('filetype is ' .. vim.bo[buf].filetype) end

local function internal_diagnostic()
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.code == 'I006' then return d end
  end
end
if not vim.wait(20000, function() return internal_diagnostic() ~= nil end, 20) then
  fail('no I006 diagnostic arrived; got ' .. vim.inspect(vim.diagnostic.get(buf)))
end
local d = internal_diagnostic()
print(string.format('diagnostic %d:%d %s', d.lnum + 1, d.col + 1, vim.split(d.message, '\n')[1]))

local uri = vim.uri_from_bufnr(buf)
local completion = vim.lsp.buf_request_sync(buf, 'textDocument/completion',
  { textDocument = { uri = uri }, position = { line = 2, character = 15 } }, 10000)
local labels = {}
for _, response in pairs(completion or {}) do
  for _, item in ipairs((response.result or {}).items or {}) do table.insert(labels, item.label) end
end
print('completion ' .. table.concat(labels, ' '))
if #labels == 0 then fail('no completion items: ' .. vim.inspect(completion)) end

local hover = vim.lsp.buf_request_sync(buf, 'textDocument/hover',
  { textDocument = { uri = uri }, position = { line = 2, character = 10 } }, 10000)
local text
for _, response in pairs(hover or {}) do
  if response.result then text = response.result.contents.value end
end
if not text then fail('no hover: ' .. vim.inspect(hover)) end
print('hover ' .. text:gsub('\n', ' '))
vim.cmd('qall!')
