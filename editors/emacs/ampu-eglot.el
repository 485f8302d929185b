;;; ampu-eglot.el --- ampu language server with eglot  -*- lexical-binding: t; -*-

;; Asthra sources (*.asthra, *.ast) and asthra.toml, Oats sources (*.oats) and Oats.toml, Elm
;; modules (*.elm), Aria sources (*.aria, *.npk) and build.abc, through `ampu lsp'.  Load it from
;; your init file: (load "/path/to/editors/emacs/ampu-eglot.el") then M-x eglot in such a buffer,
;; or add `eglot-ensure' to `asthra-mode-hook', `oats-mode-hook', `elm-mode-hook', `aria-mode-hook'
;; and `abc-mode-hook'.

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

(defvar ampu-program "ampu" "The ampu executable.")

(add-to-list 'eglot-server-programs
             `((asthra-mode oats-mode elm-mode aria-mode abc-mode conf-toml-mode) . (,ampu-program "lsp")))

(provide 'ampu-eglot)
;;; ampu-eglot.el ends here
