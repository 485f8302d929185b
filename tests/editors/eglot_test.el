;;; eglot_test.el --- headless Emacs + eglot against `ampu lsp'  -*- lexical-binding: t; -*-
;; Env: AMPU (the binary), REPO (the repository), WS (a copy of an example), FILE (the file in it),
;; MODE (its major mode), EXPECT (a regexp of the diagnostic's text), and when set, REFERENCES,
;; FORMAT, RENAME and FIXALL. Opens the file and waits for that diagnostic in flymake; then asks for references
;; there, and formats the buffer.

;; Debian's eglot, activated by the shared part.
(setq ampu-test-name "eglot test")
(load (expand-file-name "tests/editors/emacs_test_common.el" (getenv "REPO")))
(setq ampu-program (getenv "AMPU"))
(load (expand-file-name "editors/emacs/ampu-eglot.el" (getenv "REPO")))

(let* ((ws (file-name-as-directory (getenv "WS")))
       (file (expand-file-name (getenv "FILE") ws)))
  (add-hook 'project-find-functions (lambda (_dir) (cons 'transient ws)))
  (find-file file)
  (unless (eq major-mode (intern (getenv "MODE"))) (ampu-test-fail "major mode is %s" major-mode))
  ;; `eglot-ensure' waits for a command loop that batch mode does not run.
  (apply (function eglot) (eglot--guess-contact))
  (progn
    (ampu-test-diagnostic (getenv "EXPECT"))
    ;; With REFERENCES (LINE:CHARACTER, 0-based, on an import): the imports that lead where it
    ;; does, as file names and lines.
    (let ((at (getenv "REFERENCES")))
      (when at
        (let* ((parts (mapcar #'string-to-number (split-string at ":")))
               (result (jsonrpc-request (eglot-current-server) :textDocument/references
                                        (list :textDocument (eglot--TextDocumentIdentifier)
                                              :position (list :line (car parts) :character (cadr parts))
                                              :context (list :includeDeclaration :json-false)))))
          (when (seq-empty-p result) (ampu-test-fail "no references at %s" at))
          (princ (format "references %s\n"
                         (mapconcat (lambda (location)
                                      (format "%s:%d" (file-name-nondirectory (eglot--uri-to-path (plist-get location :uri)))
                                              (1+ (plist-get (plist-get (plist-get location :range) :start) :line))))
                                    result " "))))))
    ;; With FORMAT (a line number): the buffer formatted through the server, and that line.
    (let ((line (getenv "FORMAT")))
      (when line
        (eglot-format-buffer)
        (ampu-test-print-line "formatted" (string-to-number line))))
;; With RENAME (LINE:CHARACTER:NAME, 0-based, on a package's name): the package renamed
    ;; through the server, eglot applying the edit to every file and saving them; then each
    ;; line of the workspace's manifests, its lock file and the file that holds the new name.
    (let ((rename (getenv "RENAME")))
      (when rename
        (let ((name (car (ampu-test-goto rename))))
          ;; eglot asks before it edits files that are not open: the user says yes.
          (cl-letf (((symbol-function 'y-or-n-p) (lambda (&rest _) t)))
            (eglot-rename name))
          (save-some-buffers t)
          (dolist (path (append (directory-files-recursively ws "\\.\\(toml\\|lock\\)\\'") (list file)))
            (dolist (line (ampu-test-lines path (lambda (text) (string-match-p (regexp-quote name) text))))
              (princ (format "renamed %s:%d %s\n" (file-relative-name path ws) (car line) (cdr line))))))))
;; With FIXALL: the file's certain fixes asked for by kind, the one action applied as eglot
    ;; applies it; then the buffer's import lines.
    (when (getenv "FIXALL")
      (eglot-code-actions (point-min) (point-max) "source.fixAll" t)
      (ampu-test-print-imports))
    (ignore-errors (eglot-shutdown (eglot-current-server)))
    (kill-emacs 0)))
