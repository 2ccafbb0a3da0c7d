-- Drives Neovim's built-in LSP client (0.7: vim.lsp.start_client, as Debian
-- bookworm ships it; vim.lsp.start came in 0.8) against outcome-lens lsp --stdio.
-- Opens each file, waits for its published diagnostics, then takes the preferred
-- quick fix on one finding and Fix All on another file through
-- vim.lsp.buf.code_action, choosing in vim.ui.select as a user would.
-- Everything it sees goes to $OL_OUT as JSON; the node test judges it.
local cli = os.getenv('OL_CLI')
local files = vim.split(os.getenv('OL_FILES'), '\n', { trimempty = true })
local out = { files = {}, log = {} }

local function finish()
  local f = io.open(os.getenv('OL_OUT'), 'w')
  f:write(vim.fn.json_encode(out))
  f:close()
  vim.cmd('qall!')
end

local function fail(message)
  out.error = message
  finish()
end

local published = {}
local client_id = vim.lsp.start_client({
  name = 'outcome-lens',
  cmd = { 'node', cli, 'lsp', '--stdio' },
  root_dir = vim.fn.fnamemodify(files[1], ':h'),
  -- Markdown by file type; said outright so the test does not hang on filetype detection.
  get_language_id = function() return 'markdown' end,
  handlers = {
    ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
      vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
      published[vim.uri_to_fname(result.uri)] = (published[vim.uri_to_fname(result.uri)] or 0) + 1
    end,
  },
})
if not client_id then return fail('vim.lsp.start_client returned nil') end

local buffers = {}
for _, file in ipairs(files) do
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  buffers[file] = bufnr
  vim.lsp.buf_attach_client(bufnr, client_id)
  if not vim.wait(60000, function() return (published[file] or 0) > 0 end, 50) then return fail('no diagnostics for ' .. file) end
  out.files[file] = vim.diagnostic.get(bufnr)
end

-- A user takes the preferred action from the menu.
local function choose_preferred(items, _, on_choice)
  for i, item in ipairs(items) do
    if item[2].isPreferred or item[2].kind == 'source.fixAll.outcomeLens' then return on_choice(item, i) end
  end
  out.log[#out.log + 1] = 'no preferred action among ' .. #items
  on_choice(nil, nil)
end
vim.ui.select = choose_preferred

local function apply_and_wait(file, place, context)
  local bufnr = buffers[file]
  vim.cmd('buffer ' .. bufnr)
  local before = published[file]
  local tick = vim.api.nvim_buf_get_changedtick(bufnr)
  vim.api.nvim_win_set_cursor(0, { place.lnum + 1, place.col })
  vim.lsp.buf.code_action(context)
  if not vim.wait(30000, function() return vim.api.nvim_buf_get_changedtick(bufnr) ~= tick end, 50) then return false end
  -- The server hears of the edit (didChange) and publishes for the new text.
  if not vim.wait(30000, function() return published[file] > before end, 50) then return false end
  return table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, true), '\n') .. '\n'
end

local fix_file = os.getenv('OL_FIX_FILE')
local target
for _, d in ipairs(out.files[fix_file]) do
  if d.code == os.getenv('OL_FIX_RULE') then target = d break end
end
if not target then return fail('no ' .. os.getenv('OL_FIX_RULE') .. ' diagnostic in ' .. fix_file) end
out.quick_fix = apply_and_wait(fix_file, target, nil)
if not out.quick_fix then return fail('the quick fix changed nothing') end
out.after_quick_fix = vim.diagnostic.get(buffers[fix_file])

local all_file = os.getenv('OL_FIX_ALL_FILE')
-- Ask first whether Fix All is on offer: with only suggestions to make it is not, and the file stays.
vim.cmd('buffer ' .. buffers[all_file])
local params = vim.lsp.util.make_range_params()
params.context = { diagnostics = {}, only = { 'source.fixAll' } }
local answers = vim.lsp.buf_request_sync(buffers[all_file], 'textDocument/codeAction', params, 30000) or {}
local offered = 0
for _, answer in pairs(answers) do offered = offered + #(answer.result or {}) end
out.fix_all_offered = offered > 0
if out.fix_all_offered then
  out.fix_all = apply_and_wait(all_file, { lnum = 0, col = 0 }, { only = { 'source.fixAll' } })
  if not out.fix_all then return fail('Fix All changed nothing') end
end
vim.lsp.stop_client(client_id)
finish()
