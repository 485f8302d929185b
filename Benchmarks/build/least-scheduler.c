/* The least a build scheduler can do, for scripts/bench-build's floor: each command started with
 * posix_spawn as soon as one of N slots is free, in the order given, and waited for; nothing else
 * (no fingerprints, no outputs moved into place, no output captured, no dependencies).
 *
 * usage: least-scheduler N FILE
 * FILE holds the commands: each argument followed by a NUL byte, and one more NUL after each
 * command. They run in the current directory. Prints two numbers in seconds: the wall time from
 * just before the first spawn to the last command's reaping, and the sum of each command's time
 * from just before its spawn to its reaping, which scripts/bench-build puts in the formula
 * (wall time minus the sum / N). */
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>

extern char **environ;

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    if (argc != 3 || atoi(argv[1]) < 1) {
        fprintf(stderr, "usage: least-scheduler N FILE\n");
        return 2;
    }
    int slots = atoi(argv[1]);
    FILE *f = fopen(argv[2], "rb");
    if (!f) { perror(argv[2]); return 1; }
    static char text[64 << 20];
    size_t size = fread(text, 1, sizeof text, f);
    fclose(f);

    /* Each command as an argv array, NULL-terminated. */
    int count = 0, capacity = 1024;
    char ***commands = malloc(capacity * sizeof *commands);
    size_t at = 0;
    while (at < size) {
        int n = 0, room = 16;
        char **args = malloc(room * sizeof *args);
        while (at < size && text[at] != '\0') {
            if (n + 1 >= room) args = realloc(args, (room *= 2) * sizeof *args);
            args[n++] = text + at;
            at += strlen(text + at) + 1;
        }
        at++; /* the NUL that ends the command */
        args[n] = NULL;
        if (n == 0) { free(args); continue; }
        if (count == capacity) commands = realloc(commands, (capacity *= 2) * sizeof *commands);
        commands[count++] = args;
    }

    pid_t *pids = calloc(slots, sizeof *pids);
    double *started = calloc(slots, sizeof *started);
    double sum = 0;
    int next = 0, running = 0;
    double start = now();
    while (next < count || running > 0) {
        for (int s = 0; s < slots && next < count; s++) {
            if (pids[s] != 0) continue;
            started[s] = now();
            if (posix_spawn(&pids[s], commands[next][0], NULL, NULL, commands[next], environ) != 0) {
                perror(commands[next][0]);
                return 1;
            }
            next++;
            running++;
        }
        int status;
        pid_t pid = wait(&status);
        double ended = now();
        if (pid < 0) { perror("wait"); return 1; }
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
            fprintf(stderr, "a command failed\n");
            return 1;
        }
        for (int s = 0; s < slots; s++) {
            if (pids[s] == pid) {
                sum += ended - started[s];
                pids[s] = 0;
                running--;
            }
        }
    }
    printf("%.9f %.9f\n", now() - start, sum);
    return 0;
}
