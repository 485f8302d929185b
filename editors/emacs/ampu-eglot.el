;;; ampu-eglot.el --- ampu language server with eglot  -*- lexical-binding: t; -*-

;; Asthra sources (*.asthra, *.ast) and asthra.toml, Oats sources (*.oats) and Oats.toml, Elm
;; modules (*.elm) and elm.json, Aria sources (*.aria, *.npk) and build.abc, Rask sources (*.rk)
;; and rask.build, through `ampu lsp'.  Load it from your init file:
;; (load "/path/to/editors/emacs/ampu-eglot.el") then M-x eglot in such a buffer, or add
;; `eglot-ensure' to `asthra-mode-hook', `oats-mode-hook', `elm-mode-hook', `elm-json-mode-hook',
;; `aria-mode-hook', `abc-mode-hook' and `rask-mode-hook'.

(require 'eglot)

(unless (fboundp 'asthra-mode)
  (define-derived-mode asthra-mode prog-mode "Asthra"
    "Major mode for Asthra sources (comments and strings only)."
    (setq-local comment-start "// ")
    (modify-syntax-entry ?/ ". 124b" asthra-mode-syntax-table)
    (modify-syntax-entry ?* ". 23" asthra-mode-syntax-table)
    (modify-syntax-entry ?\n "> b" asthra-mode-syntax-table)))

(add-to-list 'auto-mode-alist '("\\.\\(asthra\\|ast\\)\\'" . asthra-mode))

(unless (fboundp 'oats-mode)
  (define-derived-mode oats-mode prog-mode "Oats"
    "Major mode for Oats sources (comments and strings only)."
    (setq-local comment-start "// ")
    (modify-syntax-entry ?/ ". 124b" oats-mode-syntax-table)
    (modify-syntax-entry ?* ". 23" oats-mode-syntax-table)
    (modify-syntax-entry ?\n "> b" oats-mode-syntax-table)
    (modify-syntax-entry ?' "\"" oats-mode-syntax-table)))

(add-to-list 'auto-mode-alist '("\\.oats\\'" . oats-mode))

(unless (fboundp 'elm-mode)
  (define-derived-mode elm-mode prog-mode "Elm"
    "Major mode for Elm modules (a stand-in; elm-mode from MELPA does more)."
    (setq-local comment-start "-- ")))

(add-to-list 'auto-mode-alist '("\\.elm\\'" . elm-mode))

(unless (fboundp 'aria-mode)
  (define-derived-mode aria-mode prog-mode "Aria"
    "Major mode for Aria sources (comments and strings only)."
    (setq-local comment-start "// ")
    (modify-syntax-entry ?/ ". 124b" aria-mode-syntax-table)
    (modify-syntax-entry ?* ". 23" aria-mode-syntax-table)
    (modify-syntax-entry ?\n "> b" aria-mode-syntax-table)))

(add-to-list 'auto-mode-alist '("\\.\\(aria\\|npk\\)\\'" . aria-mode))

(unless (fboundp 'abc-mode)
  (define-derived-mode abc-mode conf-unix-mode "ABC"
    "Major mode for Aria's build.abc."))

(add-to-list 'auto-mode-alist '("/build\\.abc\\'" . abc-mode))

(unless (fboundp 'rask-mode)
  (define-derived-mode rask-mode prog-mode "Rask"
    "Major mode for Rask sources and build files (comments and strings only)."
    (setq-local comment-start "// ")
    (modify-syntax-entry ?/ ". 124b" rask-mode-syntax-table)
    (modify-syntax-entry ?* ". 23" rask-mode-syntax-table)
    (modify-syntax-entry ?\n "> b" rask-mode-syntax-table)))

(add-to-list 'auto-mode-alist '("\\.rk\\'" . rask-mode))
(add-to-list 'auto-mode-alist '("/rask\\.build\\'" . rask-mode))

;; elm.json in a mode of its own, so that other JSON files do not start ampu.
(unless (fboundp 'elm-json-mode)
  (define-derived-mode elm-json-mode js-mode "elm.json"
    "Major mode for an Elm project's elm.json."))

(add-to-list 'auto-mode-alist '("/elm\\.json\\'" . elm-json-mode))

(defvar ampu-program "ampu" "The ampu executable.")

(add-to-list 'eglot-server-programs
             `((asthra-mode oats-mode elm-mode elm-json-mode aria-mode abc-mode rask-mode conf-toml-mode) . (,ampu-program "lsp")))

(provide 'ampu-eglot)
;;; ampu-eglot.el ends here
