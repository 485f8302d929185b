;;; eglot_test.el --- headless Emacs + eglot against `ampu lsp'  -*- lexical-binding: t; -*-
;; Env: AMPU (the binary), REPO (the repository), WS (a copy of an example), FILE (the file in it),
;; MODE (its major mode), EXPECT (a regexp of the diagnostic's text).
;; Opens the file and waits for that diagnostic in flymake.

;; Debian installs eglot under /usr/share/emacs/site-lisp/elpa, which -Q does not activate.
(require (quote package))
(setq package-directory-list (quote ("/usr/share/emacs/site-lisp/elpa")))
(package-initialize)
(setq ampu-program (getenv "AMPU"))
(load (expand-file-name "editors/emacs/ampu-eglot.el" (getenv "REPO")))
(require 'flymake)

(defun ampu-test-fail (fmt &rest args)
  (princ (concat "eglot test: " (apply #'format fmt args) "\n") #'external-debugging-output)
  (kill-emacs 1))

(let* ((ws (file-name-as-directory (getenv "WS")))
       (file (expand-file-name (getenv "FILE") ws)))
  (add-hook 'project-find-functions (lambda (_dir) (cons 'transient ws)))
  (find-file file)
  (unless (eq major-mode (intern (getenv "MODE"))) (ampu-test-fail "major mode is %s" major-mode))
  ;; `eglot-ensure' waits for a command loop that batch mode does not run.
  (apply (function eglot) (eglot--guess-contact))
  (let ((deadline (+ (float-time) 30)) found)
    (while (and (not found) (< (float-time) deadline))
      (accept-process-output nil 0.05)
      (dolist (d (flymake-diagnostics))
        (when (string-match-p (getenv "EXPECT") (flymake-diagnostic-text d))
          (setq found d))))
    (unless found (ampu-test-fail "no diagnostic matching %s; got %S" (getenv "EXPECT") (flymake-diagnostics)))
    (princ (format "diagnostic %d %s\n"
                   (line-number-at-pos (flymake-diagnostic-beg found))
                   (car (split-string (flymake-diagnostic-text found) "\n"))))
    (ignore-errors (eglot-shutdown (eglot-current-server)))
    (kill-emacs 0)))
