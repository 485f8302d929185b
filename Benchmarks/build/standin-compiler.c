/* The build benchmarks' stand-in compiler (Asthra's, oatsc, a linker): it only writes its output
 * (the file after -o, holding the names of its inputs), and with --package-root (oatsc's seed
 * form) the .oats.meta beside it, so that a build's time is the tool's, not the compiler's; with
 * STANDIN_SLEEP_MS it first waits that long, as a compile would take, and with STANDIN_CPU_MS it
 * first computes for that long (its own CPU time), holding a core as a compiler does; with
 * STANDIN_SLOW=NAME:MS a compile whose output's path holds NAME waits MS ms instead (one package
 * much slower than the rest, for scripts/bench-schedule); with STANDIN_SLEEP_PER_SOURCE_MS it
 * waits that long for each source it is given, as a compile takes longer the more it compiles.
 * Called by a name ending in `standin-linker` (a link to it, given as CC), it is the linker:
 * the program it writes is a shell script that exits 0, for `ampu run` and `ampu test` to run.
 * Built with cc by scripts/bench-build,
 * scripts/bench-schedule, scripts/bench-oats and scripts/bench-run. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>

static const char *output(int argc, char **argv) {
    for (int i = 1; i + 1 < argc; i++)
        if (strcmp(argv[i], "-o") == 0) return argv[i + 1];
    return NULL;
}

int main(int argc, char **argv) {
    const char *out = output(argc, argv);
    const char *wait = getenv("STANDIN_SLEEP_MS");
    const char *slow = getenv("STANDIN_SLOW");
    const char *colon = slow ? strchr(slow, ':') : NULL;
    if (colon && out && colon > slow) {
        char name[256];
        snprintf(name, sizeof name, "%.*s", (int)(colon - slow), slow);
        if (strstr(out, name)) wait = colon + 1;
    }
    long ms = wait ? atol(wait) : 0;
    const char *each = getenv("STANDIN_SLEEP_PER_SOURCE_MS");
    if (each) {
        long sources = 0;
        for (int i = 1; i < argc; i++)
            if (argv[i][0] != '-' && strcmp(argv[i - 1], "-o") != 0 && strcmp(argv[i - 1], "-I") != 0) sources++;
        ms += sources * atol(each);
    }
    if (ms > 0) {
        struct timespec t = { ms / 1000, (ms % 1000) * 1000000L };
        nanosleep(&t, NULL);
    }
    const char *cpu = getenv("STANDIN_CPU_MS");
    if (cpu) {
        double until = atol(cpu) / 1000.0, now;
        volatile unsigned long sum = 0;
        do {
            for (unsigned long k = 0; k < 10000; k++) sum += k;
            struct timespec t;
            clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
            now = t.tv_sec + t.tv_nsec / 1e9;
        } while (now < until);
    }
    if (!out) { fprintf(stderr, "error: no -o\n"); return 1; }
    size_t self = strlen(argv[0]);
    if (self >= 14 && strcmp(argv[0] + self - 14, "standin-linker") == 0) {
        FILE *p = fopen(out, "w");
        if (!p) { perror(out); return 1; }
        fprintf(p, "#!/bin/sh\nexit 0\n");
        if (fclose(p) != 0) return 1;
        return chmod(out, 0755) == 0 ? 0 : 1;
    }
    FILE *f = fopen(out, "w");
    if (!f) { perror(out); return 1; }
    int package = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--package-root") == 0) package = 1;
        if (argv[i][0] != '-' && (i == 1 || strcmp(argv[i - 1], "-o") != 0 && strcmp(argv[i - 1], "-I") != 0)) fprintf(f, "%s\n", argv[i]);
    }
    if (fclose(f) != 0) return 1;
    size_t n = strlen(out);
    if (package && n > 2 && strcmp(out + n - 2, ".o") == 0) {
        char meta[4096];
        snprintf(meta, sizeof meta, "%.*s.oats.meta", (int)(n - 2), out);
        FILE *m = fopen(meta, "w");
        if (!m) { perror(meta); return 1; }
        fprintf(m, "function f(): number;\n");
        return fclose(m) == 0 ? 0 : 1;
    }
    return 0;
}
