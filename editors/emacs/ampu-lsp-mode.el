;;; ampu-lsp-mode.el --- ampu language server with lsp-mode  -*- lexical-binding: t; -*-

;; Load it from your init file:  (load "/path/to/editors/emacs/ampu-lsp-mode.el")
;; then M-x lsp in an Asthra, Oats, Elm, Aria or Rask buffer, or in asthra.toml, Oats.toml,
;; elm.json, build.abc or rask.build.

(require 'lsp-mode)

(unless (fboundp 'asthra-mode)
  (define-derived-mode asthra-mode prog-mode "Asthra"
    "Major mode for Asthra sources."
    (setq-local comment-start "// ")))

(add-to-list 'auto-mode-alist '("\\.\\(asthra\\|ast\\)\\'" . asthra-mode))
(unless (fboundp 'oats-mode)
  (define-derived-mode oats-mode prog-mode "Oats"
    "Major mode for Oats sources."
    (setq-local comment-start "// ")))

(add-to-list 'auto-mode-alist '("\\.oats\\'" . oats-mode))
(unless (fboundp 'elm-mode)
  (define-derived-mode elm-mode prog-mode "Elm"
    "Major mode for Elm modules."
    (setq-local comment-start "-- ")))

(add-to-list 'auto-mode-alist '("\\.elm\\'" . elm-mode))
(unless (fboundp 'aria-mode)
  (define-derived-mode aria-mode prog-mode "Aria"
    "Major mode for Aria sources."
    (setq-local comment-start "// ")))

(add-to-list 'auto-mode-alist '("\\.\\(aria\\|npk\\)\\'" . aria-mode))
(unless (fboundp 'rask-mode)
  (define-derived-mode rask-mode prog-mode "Rask"
    "Major mode for Rask sources and build files."
    (setq-local comment-start "// ")))

(add-to-list 'auto-mode-alist '("\\.rk\\'" . rask-mode))
(add-to-list 'auto-mode-alist '("/rask\\.build\\'" . rask-mode))
(add-to-list 'lsp-language-id-configuration '(rask-mode . "rask"))
(add-to-list 'lsp-language-id-configuration '(aria-mode . "aria"))
(add-to-list 'lsp-language-id-configuration '("build\\.abc\\'" . "abc"))
(add-to-list 'lsp-language-id-configuration '(elm-mode . "elm"))
(add-to-list 'lsp-language-id-configuration '("elm\\.json\\'" . "json"))
(add-to-list 'lsp-language-id-configuration '(asthra-mode . "asthra"))
(add-to-list 'lsp-language-id-configuration '(oats-mode . "oats"))
(add-to-list 'lsp-language-id-configuration '("asthra\\.toml\\'" . "toml"))
(add-to-list 'lsp-language-id-configuration '("Oats\\.toml\\'" . "toml"))

(defvar ampu-program "ampu" "The ampu executable.")

(lsp-register-client
 (make-lsp-client
  :new-connection (lsp-stdio-connection (lambda () (list ampu-program "lsp")))
  :activation-fn (lambda (file mode)
                   (or (memq mode '(asthra-mode oats-mode elm-mode aria-mode rask-mode))
                       (and file (string-match-p "\\(\\([Aa]sthra\\|Oats\\)\\.toml\\|elm\\.json\\|build\\.abc\\)\\'" file))))
  :server-id 'ampu))

(provide 'ampu-lsp-mode)
;;; ampu-lsp-mode.el ends here
