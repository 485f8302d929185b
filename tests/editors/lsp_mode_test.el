;;; lsp_mode_test.el --- headless Emacs + lsp-mode against `ampu lsp'  -*- lexical-binding: t; -*-
;; Env: AMPU (the binary), REPO (the repository), WS (a copy of an example), FILE (the file in it),
;; MODE (its major mode), EXPECT (a regexp of the diagnostic's text), and when set, COMPLETION and
;; HOVER (LINE:CHARACTER, 0-based), REFERENCES, FORMAT, RENAME and FIXALL. Opens the file through
;; editors/emacs/ampu-lsp-mode.el with lsp-mode's defaults (flymake shows the diagnostics: Debian
;; has no flycheck) and waits for that diagnostic; then does what the other variables ask, each as
;; lsp-mode's own command does it.

;; Debian's lsp-mode, activated by the shared part.
(setq ampu-test-name "lsp-mode test")
(load (expand-file-name "tests/editors/emacs_test_common.el" (getenv "REPO")))
(setq ampu-program (getenv "AMPU"))
(load (expand-file-name "editors/emacs/ampu-lsp-mode.el" (getenv "REPO")))

(let* ((ws (file-name-as-directory (getenv "WS")))
       (file (expand-file-name (getenv "FILE") ws)))
  ;; The folder known beforehand, as after the user answered lsp-mode's question once: in
  ;; batch mode it cannot ask which folder is the project.
  (lsp-workspace-folders-add ws)
  (find-file file)
  (unless (eq major-mode (intern (getenv "MODE"))) (ampu-test-fail "major mode is %s" major-mode))
  ;; `lsp-deferred' waits for a command loop that batch mode does not run.
  (lsp)
  (progn
    (ampu-test-diagnostic (getenv "EXPECT"))
    ;; With COMPLETION: the candidates lsp-mode's completion-at-point offers there.
    (let ((at (getenv "COMPLETION")))
      (when at
        (ampu-test-goto at)
        (let ((capf (lsp-completion-at-point)))
          (unless capf (ampu-test-fail "no completion at %s" at))
          (let ((labels (all-completions (buffer-substring-no-properties (nth 0 capf) (nth 1 capf)) (nth 2 capf))))
            (when (null labels) (ampu-test-fail "no completion items at %s" at))
            (princ (format "completion %s\n" (mapconcat #'substring-no-properties labels " ")))))))
    ;; With HOVER: the first line of what lsp-mode shows there.
    (let ((at (getenv "HOVER")))
      (when at
        (ampu-test-goto at)
        (let* ((hover (lsp-request "textDocument/hover" (lsp--text-document-position-params)))
               (contents (and hover (lsp-get hover :contents))))
          (unless contents (ampu-test-fail "no hover at %s" at))
          (princ (format "hover %s\n" (replace-regexp-in-string "\n" " " (lsp-get contents :value)))))))
    ;; With REFERENCES (on an import): the imports that lead where it does, as file names and
    ;; lines, as `lsp-find-references' finds them.
    (let ((at (getenv "REFERENCES")))
      (when at
        (ampu-test-goto at)
        (let ((xrefs (lsp--locations-to-xref-items
                      (lsp-request "textDocument/references"
                                   (append (lsp--text-document-position-params) (list :context (list :includeDeclaration :json-false)))))))
          (when (null xrefs) (ampu-test-fail "no references at %s" at))
          (princ (format "references %s\n"
                         (mapconcat (lambda (x)
                                      (let ((loc (xref-item-location x)))
                                        (format "%s:%d" (file-name-nondirectory (xref-file-location-file loc)) (xref-file-location-line loc))))
                                    (sort xrefs (lambda (a b) (string< (xref-location-group (xref-item-location a))
                                                                       (xref-location-group (xref-item-location b)))))
                                    " "))))))
    ;; With FORMAT (a line number): `lsp-format-buffer', then that line.
    (let ((line (getenv "FORMAT")))
      (when line
        (lsp-format-buffer)
        (ampu-test-print-line "formatted" (string-to-number line))))
    ;; With RENAME (LINE:CHARACTER:NAME, on a module's name in an import): `lsp-rename', which
    ;; renames the file too (lsp-mode says it renames files), every buffer saved; then which of
    ;; the two files is there, and each line of the directory's sources that holds the new name.
    (let ((rename (getenv "RENAME")))
      (when rename
        (let* ((name (car (ampu-test-goto rename)))
               ;; The name as the server offers it for renaming, as `lsp-rename' asks for it.
               (prepared (lsp-request "textDocument/prepareRename" (lsp--text-document-position-params)))
               (old (and prepared (lsp-get prepared :placeholder)))
               (dir (file-name-directory file))
               (ext (file-name-extension file t)))
          (unless old (ampu-test-fail "prepareRename offered nothing at %s" rename))
          (lsp-rename name)
          (save-some-buffers t)
          (princ (format "renamed %s%s:%s %s%s:%s\n" old ext (if (file-exists-p (expand-file-name (concat old ext) dir)) 1 0)
                         name ext (if (file-exists-p (expand-file-name (concat name ext) dir)) 1 0)))
          (dolist (path (directory-files dir t (concat (regexp-quote ext) "\\'")))
            (dolist (line (ampu-test-lines path (lambda (text) (string-match-p (regexp-quote name) text))))
              (princ (format "imports %s:%d %s\n" (file-name-nondirectory path) (car line) (cdr line))))))))
    ;; With FIXALL: the file's certain fixes, as `lsp-execute-code-action-by-kind' makes them
    ;; (lsp-mode's way to ask for a kind of action); then the buffer's import lines.
    (when (getenv "FIXALL")
      (goto-char (point-min))
      (lsp-execute-code-action-by-kind "source.fixAll")
      (ampu-test-print-imports))
    (ignore-errors (lsp-workspace-shutdown (car (lsp-workspaces))))
    (kill-emacs 0)))
