;;; ampu-eglot.el --- ampu language server with eglot  -*- lexical-binding: t; -*-

;; Asthra sources (*.asthra, *.ast) and asthra.toml through `ampu lsp'.
;; Load it from your init file:  (load "/path/to/editors/emacs/ampu-eglot.el")
;; then M-x eglot in an Asthra buffer, or add `eglot-ensure' to `asthra-mode-hook'.

(require 'eglot)

(unless (fboundp 'asthra-mode)
  (define-derived-mode asthra-mode prog-mode "Asthra"
    "Major mode for Asthra sources (comments and strings only)."
    (setq-local comment-start "// ")
    (modify-syntax-entry ?/ ". 124b" asthra-mode-syntax-table)
    (modify-syntax-entry ?* ". 23" asthra-mode-syntax-table)
    (modify-syntax-entry ?\n "> b" asthra-mode-syntax-table)))

(add-to-list 'auto-mode-alist '("\\.\\(asthra\\|ast\\)\\'" . asthra-mode))

(defvar ampu-program "ampu" "The ampu executable.")

(add-to-list 'eglot-server-programs
             `((asthra-mode conf-toml-mode) . (,ampu-program "lsp")))

(provide 'ampu-eglot)
;;; ampu-eglot.el ends here
