-- ampu language server for Neovim: Asthra sources (*.asthra, *.ast) and asthra.toml, Oats
-- sources (*.oats) and Oats.toml, Elm modules (*.elm) and elm.json, Aria sources (*.aria, *.npk)
-- and build.abc, Rask sources (*.rk) and rask.build or build.rk.
--
-- Put this file on your runtimepath as lua/ampu.lua (or copy its body into init.lua), then:
--   require('ampu').setup()                  -- uses `ampu` from PATH
--   require('ampu').setup({ cmd = { '/path/to/ampu', 'lsp' } })
--
-- Neovim 0.8 and newer start the server with vim.lsp.start; Neovim 0.7 with
-- vim.lsp.start_client and vim.lsp.buf_attach_client. One client serves every buffer of
-- a workspace (the directory holding the top asthra.toml, rask.build or build.rk, or the nearest
-- Oats.toml, elm.json or build.abc).
local M = {}

local function root_dir(path)
  local dir = vim.fn.fnamemodify(path, ':p:h')
  local found = nil
  while dir and dir ~= '' do
    if (vim.fn.filereadable(dir .. '/Oats.toml') == 1 or vim.fn.filereadable(dir .. '/elm.json') == 1
        or vim.fn.filereadable(dir .. '/build.abc') == 1) and not found then
      return dir -- Oats, Elm and Aria have no workspaces: the nearest project is the root
    end
    if vim.fn.filereadable(dir .. '/asthra.toml') == 1 or vim.fn.filereadable(dir .. '/Asthra.toml') == 1
        or vim.fn.filereadable(dir .. '/rask.build') == 1 or vim.fn.filereadable(dir .. '/build.rk') == 1 then
      found = dir -- keep going up: a workspace's root manifest is above its members
    end
    local parent = vim.fn.fnamemodify(dir, ':h')
    if parent == dir then break end
    dir = parent
  end
  return found or vim.fn.fnamemodify(path, ':p:h')
end

local clients = {} -- root -> client id (Neovim 0.7)

function M.start(bufnr, opts)
  local path = vim.api.nvim_buf_get_name(bufnr)
  local root = root_dir(path)
  local config = {
    name = 'ampu',
    cmd = opts.cmd or { 'ampu', 'lsp' },
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
    on_attach = opts.on_attach,
    capabilities = opts.capabilities,
  }
  if vim.lsp.start then
    return vim.lsp.start(config, { bufnr = bufnr })
  end
  local id = clients[root]
  if not id or not vim.lsp.get_client_by_id(id) then
    id = vim.lsp.start_client(config)
    clients[root] = id
  end
  vim.lsp.buf_attach_client(bufnr, id)
  return id
end

function M.setup(opts)
  opts = opts or {}
  vim.cmd([[
    augroup ampu_filetypes
      autocmd!
      autocmd BufRead,BufNewFile *.asthra,*.ast setfiletype asthra
      autocmd BufRead,BufNewFile *.oats setfiletype oats
      autocmd BufRead,BufNewFile *.elm setfiletype elm
      autocmd BufRead,BufNewFile *.aria,*.npk setfiletype aria
      autocmd BufRead,BufNewFile *.rk,rask.build setfiletype rask
    augroup END
  ]])
  _G.__ampu_start = function(bufnr) M.start(bufnr, opts) end
  vim.cmd([[
    augroup ampu_lsp
      autocmd!
      autocmd FileType asthra,oats,elm,aria,rask lua __ampu_start(tonumber(vim.fn.expand('<abuf>')))
      autocmd BufRead,BufNewFile asthra.toml,Asthra.toml,Oats.toml,elm.json,build.abc lua __ampu_start(tonumber(vim.fn.expand('<abuf>')))
    augroup END
  ]])
end

return M
