;;; emacs_test_common.el --- what the Emacs tests (eglot, lsp-mode) share  -*- lexical-binding: t; -*-
;; Loaded after the test sets `ampu-test-name'. Debian installs eglot and lsp-mode under
;; /usr/share/emacs/site-lisp/elpa, which -Q does not activate: this activates it.

(require 'package)
(setq package-directory-list '("/usr/share/emacs/site-lisp/elpa"))
(package-initialize)
(require 'flymake)

(defvar ampu-test-name "Emacs test" "What a failure's message starts with.")

(defun ampu-test-fail (fmt &rest args)
  (princ (concat ampu-test-name ": " (apply #'format fmt args) "\n") #'external-debugging-output)
  (kill-emacs 1))

(defun ampu-test-diagnostic (regexp)
  "Waits up to 30 s for a flymake diagnostic whose text matches REGEXP, and prints it as
`diagnostic LINE FIRST-LINE-OF-TEXT'."
  (let ((deadline (+ (float-time) 30)) found)
    (while (and (not found) (< (float-time) deadline))
      (accept-process-output nil 0.05)
      (dolist (d (flymake-diagnostics))
        (when (string-match-p regexp (flymake-diagnostic-text d))
          (setq found d))))
    (unless found (ampu-test-fail "no diagnostic matching %s; got %S" regexp (flymake-diagnostics)))
    (princ (format "diagnostic %d %s\n"
                   (line-number-at-pos (flymake-diagnostic-beg found))
                   (car (split-string (flymake-diagnostic-text found) "\n"))))))

(defun ampu-test-goto (at)
  "Moves to AT, \"LINE:CHARACTER\" (0-based); the rest of AT's fields, split at `:'."
  (let ((parts (split-string at ":")))
    (goto-char (point-min))
    (forward-line (string-to-number (nth 0 parts)))
    (forward-char (string-to-number (nth 1 parts)))
    (nthcdr 2 parts)))

(defun ampu-test-lines (path pred)
  "Each line of PATH for which PRED holds, as (NUMBER . TEXT)."
  (with-temp-buffer
    (insert-file-contents path)
    (let ((n 0) out)
      (dolist (text (split-string (buffer-string) "\n"))
        (setq n (1+ n))
        (when (funcall pred text) (push (cons n text) out)))
      (nreverse out))))

(defun ampu-test-print-line (label n)
  "Prints line N (1-based) of the buffer after LABEL."
  (goto-char (point-min))
  (forward-line (1- n))
  (princ (format "%s %s\n" label (buffer-substring-no-properties (line-beginning-position) (line-end-position)))))

(defun ampu-test-print-imports ()
  "Prints each line of the buffer that starts with `import', as `fixed LINE TEXT'."
  (let ((n 0))
    (dolist (text (split-string (buffer-string) "\n"))
      (setq n (1+ n))
      (when (string-prefix-p "import" text) (princ (format "fixed %d %s\n" n text))))))

(provide 'emacs_test_common)
;;; emacs_test_common.el ends here
