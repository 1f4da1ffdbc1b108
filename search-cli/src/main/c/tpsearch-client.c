/*
 * tpsearch-client: the native thin client of the tpsearch search daemon.
 *
 * The launcher (bin/tpsearch) compiles this file once per build into ~/.cache/tpsearch when a C
 * compiler is present, and runs it instead of the Java thin client (org.tpsearch.client.DaemonClient)
 * when a daemon's socket exists: a JVM start costs about as much as the whole search it relays.
 * It speaks the daemon's protocol (DaemonProtocol.java, keep them in step): one request (magic,
 * kind, build, working folder, arguments, environment, whether stdout and stderr are terminals,
 * their charsets), one answer (served, pager, stdout bytes, stderr bytes, exit code). It sends what
 * the Java client would send for the same process, and prints the answer byte for byte.
 *
 *   tpsearch-client BUILD ARGS...
 *
 * Exit codes of its own (tpsearch itself returns 0-4):
 *   75  no answer (no daemon, a stale socket, a daemon of another build, one that refused or died
 *       half-way); nothing was printed, the launcher runs the command in-process.
 *   76  this client cannot speak for this process exactly as the Java client would (a locale whose
 *       charset is not UTF-8 with non-ASCII arguments, JAVA_TOOL_OPTIONS set, ...); nothing was
 *       printed, the launcher runs the Java client instead.
 * Anything else is the command's own exit code.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

enum {
  NO_ANSWER = 75,
  USE_JAVA_CLIENT = 76,
};

/* DaemonProtocol.MAGIC: "tps1". */
#define MAGIC 0x74707331u
/* DaemonProtocol.Kind.RUN. */
#define KIND_RUN 0u
/* DaemonProtocol.MAX: the longest string or output either side accepts. */
#define MAX_LEN ((uint32_t) 256 << 20)

/* ---- A growing byte buffer for the request; every size is checked before it is used. ---- */

struct buf {
  unsigned char *p;
  size_t len;
  size_t cap;
};

static int buf_reserve(struct buf *b, size_t more) {
  if (more > SIZE_MAX - b->len) {
    return -1;
  }
  size_t need = b->len + more;
  if (need <= b->cap) {
    return 0;
  }
  size_t cap = b->cap ? b->cap : 8192;
  while (cap < need) {
    if (cap > SIZE_MAX / 2) {
      return -1;
    }
    cap *= 2;
  }
  unsigned char *p = realloc(b->p, cap);
  if (p == NULL) {
    return -1;
  }
  b->p = p;
  b->cap = cap;
  return 0;
}

static int buf_put(struct buf *b, const void *data, size_t n) {
  if (buf_reserve(b, n) != 0) {
    return -1;
  }
  if (n > 0) {
    memcpy(b->p + b->len, data, n);
  }
  b->len += n;
  return 0;
}

/* Big-endian, as java.io.DataOutputStream.writeInt. */
static int buf_u32(struct buf *b, uint32_t v) {
  unsigned char q[4] = {(unsigned char) (v >> 24), (unsigned char) (v >> 16), (unsigned char) (v >> 8),
                        (unsigned char) v};
  return buf_put(b, q, sizeof q);
}

/* A length-prefixed byte string (DaemonProtocol.bytes). */
static int buf_bytes(struct buf *b, const char *s, size_t n) {
  if (n > MAX_LEN) {
    return -1;
  }
  if (buf_u32(b, (uint32_t) n) != 0) {
    return -1;
  }
  return buf_put(b, s, n);
}

static int buf_str(struct buf *b, const char *s) {
  return buf_bytes(b, s, strlen(s));
}

/* ---- Whole reads and writes, through EINTR and partial transfers. ---- */

/* 0 when all n bytes were written; -1 on an error (errno says which: EPIPE for a closed pipe). */
static int write_all(int fd, const unsigned char *p, size_t n) {
  while (n > 0) {
    ssize_t w = write(fd, p, n);
    if (w < 0) {
      if (errno == EINTR) {
        continue;
      }
      return -1;
    }
    if (w == 0) {
      errno = EIO;
      return -1;
    }
    p += (size_t) w;
    n -= (size_t) w;
  }
  return 0;
}

/* 0 when all n bytes were read; -1 on an error or an early end. */
static int read_all(int fd, unsigned char *p, size_t n) {
  while (n > 0) {
    ssize_t r = read(fd, p, n);
    if (r < 0) {
      if (errno == EINTR) {
        continue;
      }
      return -1;
    }
    if (r == 0) {
      return -1;
    }
    p += (size_t) r;
    n -= (size_t) r;
  }
  return 0;
}

static int read_u32(int fd, uint32_t *v) {
  unsigned char q[4];
  if (read_all(fd, q, sizeof q) != 0) {
    return -1;
  }
  *v = (uint32_t) q[0] << 24 | (uint32_t) q[1] << 16 | (uint32_t) q[2] << 8 | (uint32_t) q[3];
  return 0;
}

/*
 * A length-prefixed byte string of at most MAX_LEN bytes, into a new buffer (NUL-terminated, for
 * the pager command; the length excludes the NUL).
 */
static int read_bytes(int fd, unsigned char **out, size_t *len) {
  uint32_t n;
  if (read_u32(fd, &n) != 0 || n > MAX_LEN) {
    return -1;
  }
  unsigned char *p = malloc((size_t) n + 1);
  if (p == NULL) {
    return -1;
  }
  if (read_all(fd, p, n) != 0) {
    free(p);
    return -1;
  }
  p[n] = '\0';
  *out = p;
  *len = n;
  return 0;
}

/* ---- What the Java client sends: the same facts, found the same way. ---- */

/* As DaemonClient.isTerminal: the JDK's Console is a terminal when stdin and stdout both are. */
static int out_terminal(void) {
  return isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1;
}

/* As DaemonClient.isErrTerminal: what /proc/self/fd/2 names. */
static int err_terminal(void) {
  char target[4096];
  ssize_t n = readlink("/proc/self/fd/2", target, sizeof target - 1);
  if (n < 0) {
    return 0;
  }
  target[n] = '\0';
  return strncmp(target, "/dev/pts/", 9) == 0 || strncmp(target, "/dev/tty", 8) == 0
      || strcmp(target, "/dev/console") == 0;
}

static int has_non_ascii(const char *s) {
  for (; *s; s++) {
    if ((unsigned char) *s >= 0x80) {
      return 1;
    }
  }
  return 0;
}

/*
 * Whether the daemon would read the bytes we send as the Java client's JVM reads them: it decodes
 * arguments, environment and folder in the locale's charset (sun.jnu.encoding), the daemon in
 * UTF-8. They agree for a UTF-8 locale, and for ASCII text in any ASCII-based charset.
 */
static int same_decoding(char **args, int nargs, const char *cwd) {
  setlocale(LC_ALL, "");
  const char *codeset = nl_langinfo(CODESET);
  if (codeset != NULL && strcmp(codeset, "UTF-8") == 0) {
    return 1;
  }
  if (codeset == NULL
      || (strcmp(codeset, "ANSI_X3.4-1968") != 0 && strncmp(codeset, "ISO-8859-", 9) != 0)) {
    return 0;
  }
  if (has_non_ascii(cwd)) {
    return 0;
  }
  for (int i = 0; i < nargs; i++) {
    if (has_non_ascii(args[i])) {
      return 0;
    }
  }
  for (char **e = environ; *e != NULL; e++) {
    if (has_non_ascii(*e)) {
      return 0;
    }
  }
  return 1;
}

/*
 * The socket folder, as DaemonFolder.of: $XDG_RUNTIME_DIR/tpsearch when that is an absolute path,
 * else /tmp/tpsearch-UID (the JVM's java.io.tmpdir is /tmp on Linux, whatever TMPDIR says).
 * 0, or -1 when it does not fit.
 */
static int socket_folder(char *out, size_t size) {
  const char *runtime = getenv("XDG_RUNTIME_DIR");
  int n;
  if (runtime != NULL && runtime[0] == '/') {
    n = snprintf(out, size, "%s/tpsearch", runtime);
  } else {
    n = snprintf(out, size, "/tmp/tpsearch-%lu", (unsigned long) geteuid());
  }
  return n < 0 || (size_t) n >= size ? -1 : 0;
}

/* As DaemonFolder.check: a real folder (not a link), ours, that no one else may write into. */
static int folder_safe(const char *folder) {
  struct stat st;
  if (lstat(folder, &st) != 0) {
    return 0;
  }
  return S_ISDIR(st.st_mode) && st.st_uid == geteuid() && (st.st_mode & (S_IWGRP | S_IWOTH)) == 0;
}

/* A build id names a file in the folder: nothing but letters, digits, '.', '_' and '-'. */
static int build_ok(const char *build) {
  if (build[0] == '\0' || build[0] == '.') {
    return 0;
  }
  for (const char *c = build; *c; c++) {
    if (!((*c >= '0' && *c <= '9') || (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || *c == '.'
          || *c == '_' || *c == '-')) {
      return 0;
    }
  }
  return 1;
}

/*
 * The request, as DaemonProtocol.write(Request). The environment goes last entry first: the
 * daemon keeps the last value it reads for a name, the JVM the first one in environ.
 */
static int build_request(struct buf *b, const char *build, const char *cwd, char **args, int nargs) {
  if (buf_u32(b, MAGIC) || buf_u32(b, KIND_RUN) || buf_str(b, build) || buf_str(b, cwd)
      || buf_u32(b, (uint32_t) nargs)) {
    return -1;
  }
  for (int i = 0; i < nargs; i++) {
    if (buf_str(b, args[i])) {
      return -1;
    }
  }
  size_t count = 0;
  size_t total = 0;
  while (environ[total] != NULL) {
    if (strchr(environ[total], '=') != NULL) {
      count++;
    }
    total++;
  }
  if (count > MAX_LEN || buf_u32(b, (uint32_t) count)) {
    return -1;
  }
  for (size_t i = total; i-- > 0;) {
    const char *entry = environ[i];
    const char *eq = strchr(entry, '=');
    if (eq == NULL) {
      continue; /* as the JVM: a "corrupted" entry without '=' is not in System.getenv() */
    }
    if (buf_bytes(b, entry, (size_t) (eq - entry)) || buf_str(b, eq + 1)) {
      return -1;
    }
  }
  unsigned char terminals[2] = {(unsigned char) out_terminal(), (unsigned char) err_terminal()};
  /* The JVM's default charset (UTF-8 since JDK 18) for both: the Java client's choice when the
     sun.std*.encoding properties are unset, as they are on Linux. */
  if (buf_put(b, terminals, sizeof terminals) || buf_str(b, "UTF-8") || buf_str(b, "UTF-8")) {
    return -1;
  }
  return 0;
}

struct answer {
  int served;
  unsigned char *pager;
  size_t pager_len;
  unsigned char *out;
  size_t out_len;
  unsigned char *err;
  size_t err_len;
  uint32_t exit;
};

/* Sends the request and reads the whole answer; -1 when there is none (nothing printed yet). */
static int ask(const char *socket_path, const struct buf *request, struct answer *a) {
  struct sockaddr_un addr;
  memset(&addr, 0, sizeof addr);
  addr.sun_family = AF_UNIX;
  size_t plen = strlen(socket_path);
  if (plen >= sizeof addr.sun_path) {
    return -1;
  }
  memcpy(addr.sun_path, socket_path, plen + 1);
  int fd = socket(AF_UNIX, SOCK_STREAM, 0);
  if (fd < 0) {
    return -1;
  }
  /* Not inherited by the pager. */
  (void) fcntl(fd, F_SETFD, FD_CLOEXEC);
  int rc = -1;
  uint32_t magic, exit_code;
  unsigned char served;
  if (connect(fd, (struct sockaddr *) &addr, sizeof addr) != 0) {
    goto done;
  }
  if (write_all(fd, request->p, request->len) != 0) {
    goto done;
  }
  if (read_u32(fd, &magic) != 0 || magic != MAGIC || read_all(fd, &served, 1) != 0) {
    goto done;
  }
  if (read_bytes(fd, &a->pager, &a->pager_len) != 0 || read_bytes(fd, &a->out, &a->out_len) != 0
      || read_bytes(fd, &a->err, &a->err_len) != 0 || read_u32(fd, &exit_code) != 0) {
    goto done;
  }
  a->served = served != 0;
  a->exit = exit_code;
  rc = 0;
done:
  close(fd);
  return rc;
}

/*
 * The output through the pager, as DaemonClient.page (and Pager.start in-process): sh -c PAGER,
 * with LESS=FRX and LV=-c unless set. 0 when the pager ran; -1 when it could not start (the
 * output then goes to stdout, as the Java client does).
 */
static int page(const char *command, size_t command_len, const unsigned char *out, size_t out_len) {
  if (memchr(command, '\0', command_len) != NULL) {
    return -1; /* Java's ProcessBuilder refuses such a command too */
  }
  int data[2], status[2];
  if (pipe(data) != 0) {
    return -1;
  }
  if (pipe(status) != 0) {
    close(data[0]);
    close(data[1]);
    return -1;
  }
  (void) fcntl(data[1], F_SETFD, FD_CLOEXEC);
  (void) fcntl(status[0], F_SETFD, FD_CLOEXEC);
  (void) fcntl(status[1], F_SETFD, FD_CLOEXEC);
  pid_t pid = fork();
  if (pid < 0) {
    close(data[0]);
    close(data[1]);
    close(status[0]);
    close(status[1]);
    return -1;
  }
  if (pid == 0) {
    /* The child: the pipe as stdin, default signal dispositions, then sh. */
    signal(SIGPIPE, SIG_DFL);
    signal(SIGINT, SIG_DFL);
    signal(SIGQUIT, SIG_DFL);
    if (dup2(data[0], STDIN_FILENO) < 0) {
      _exit(127);
    }
    if (data[0] != STDIN_FILENO) {
      close(data[0]);
    }
    if (getenv("LESS") == NULL) {
      (void) setenv("LESS", "FRX", 0);
    }
    if (getenv("LV") == NULL) {
      (void) setenv("LV", "-c", 0);
    }
    char sh[] = "sh";
    char dash_c[] = "-c";
    char *argv[] = {sh, dash_c, (char *) command, NULL};
    execvp("sh", argv);
    /* Tell the parent it did not start; it then prints to stdout itself. */
    int e = errno;
    ssize_t ignored = write(status[1], &e, sizeof e);
    (void) ignored;
    _exit(127);
  }
  close(data[0]);
  close(status[1]);
  int e;
  ssize_t n;
  do {
    n = read(status[0], &e, sizeof e);
  } while (n < 0 && errno == EINTR);
  close(status[0]);
  if (n > 0) {
    close(data[1]);
    while (waitpid(pid, NULL, 0) < 0 && errno == EINTR) {
    }
    return -1;
  }
  /* As git: Ctrl-C and Ctrl-\ belong to the pager (less) while it runs, not to us. */
  signal(SIGINT, SIG_IGN);
  signal(SIGQUIT, SIG_IGN);
  (void) write_all(data[1], out, out_len); /* EPIPE: the reader quit early, the rest is not wanted */
  close(data[1]);
  while (waitpid(pid, NULL, 0) < 0 && errno == EINTR) {
  }
  return 0;
}

static int cwd_of(char *out, size_t size) {
  if (getcwd(out, size) == NULL) {
    return -1;
  }
  return 0;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    return USE_JAVA_CLIENT;
  }
  const char *build = argv[1];
  char **args = argv + 2;
  int nargs = argc - 2;
  /* The Java client's JVM would print "Picked up ..." on stderr first: let it. */
  if (getenv("JAVA_TOOL_OPTIONS") != NULL || getenv("JDK_JAVA_OPTIONS") != NULL || getenv("_JAVA_OPTIONS") != NULL
      || !build_ok(build)) {
    return USE_JAVA_CLIENT;
  }
  char cwd[8192];
  if (cwd_of(cwd, sizeof cwd) != 0) {
    return NO_ANSWER; /* no working folder: the in-process path says what it says */
  }
  if (!same_decoding(args, nargs, cwd)) {
    return USE_JAVA_CLIENT;
  }
  char folder[4096];
  char socket_path[4096 + 256];
  if (socket_folder(folder, sizeof folder) != 0 || !folder_safe(folder)) {
    return NO_ANSWER;
  }
  int n = snprintf(socket_path, sizeof socket_path, "%s/%s.sock", folder, build);
  if (n < 0 || (size_t) n >= sizeof socket_path) {
    return NO_ANSWER;
  }
  /* A closed pipe (| head) is an error code from write, not a signal: as the JVM, which ignores it. */
  signal(SIGPIPE, SIG_IGN);

  struct buf request = {NULL, 0, 0};
  if (build_request(&request, build, cwd, args, nargs) != 0) {
    free(request.p);
    return USE_JAVA_CLIENT;
  }
  struct answer a;
  memset(&a, 0, sizeof a);
  int asked = ask(socket_path, &request, &a);
  free(request.p);
  if (asked != 0 || !a.served) {
    free(a.pager);
    free(a.out);
    free(a.err);
    return NO_ANSWER;
  }
  /* As System.exit: the low 8 bits of the int are the status. */
  int code = (int) (a.exit & 0xffu);
  /* As the Java client: stderr first; when that fails, stdout is not written either. */
  if (write_all(STDERR_FILENO, a.err, a.err_len) == 0) {
    if (a.pager_len == 0 || page((const char *) a.pager, a.pager_len, a.out, a.out_len) != 0) {
      /* EPIPE (| head): the rest is not wanted. Any other failure (a full disk) is said, exit 3,
         as OutputFailure in Java. */
      if (write_all(STDOUT_FILENO, a.out, a.out_len) != 0 && errno != EPIPE) {
        fprintf(stderr, "tpsearch: cannot write the output: %s\n", strerror(errno));
        if (code < 3) {
          code = 3;
        }
      }
    }
  }
  free(a.pager);
  free(a.out);
  free(a.err);
  return code;
}
