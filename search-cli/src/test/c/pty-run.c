/*
 * pty-run: runs a command with its stdout (and stdin) and/or its stderr on pseudo-terminals in raw
 * mode, and copies what it writes there into files; for the tests of the native client, which
 * tell the daemon whether stdout and stderr are terminals.
 *
 *   pty-run OUT_TTY ERR_TTY OUT_FILE ERR_FILE COMMAND ARGS...
 *
 * OUT_TTY 1: stdin and stdout are one pseudo-terminal (the JDK's Console needs both); 2: stdout
 * is, stdin is /dev/null; 0: stdin is /dev/null, stdout OUT_FILE. ERR_TTY 1: stderr is a second pseudo-terminal; 0: ERR_FILE.
 * Exits with the command's exit code (128 + N for signal N).
 */
#define _DEFAULT_SOURCE
#define _XOPEN_SOURCE 700

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

static int open_pty(int *master, int *slave) {
  int m = posix_openpt(O_RDWR | O_NOCTTY);
  if (m < 0 || grantpt(m) != 0 || unlockpt(m) != 0) {
    return -1;
  }
  const char *name = ptsname(m);
  if (name == NULL) {
    return -1;
  }
  int s = open(name, O_RDWR | O_NOCTTY);
  if (s < 0) {
    return -1;
  }
  struct termios t;
  if (tcgetattr(s, &t) != 0) {
    return -1;
  }
  cfmakeraw(&t);
  if (tcsetattr(s, TCSANOW, &t) != 0) {
    return -1;
  }
  *master = m;
  *slave = s;
  return 0;
}

static int copy_out(int from, int to) {
  char b[65536];
  ssize_t n = read(from, b, sizeof b);
  if (n < 0 && errno == EINTR) {
    return 1;
  }
  if (n <= 0) {
    return 0; /* EIO: every slave side is closed */
  }
  for (ssize_t off = 0; off < n;) {
    ssize_t w = write(to, b + off, (size_t) (n - off));
    if (w < 0) {
      if (errno == EINTR) {
        continue;
      }
      return 0;
    }
    off += w;
  }
  return 1;
}

int main(int argc, char **argv) {
  if (argc < 6) {
    fprintf(stderr, "usage: pty-run OUT_TTY ERR_TTY OUT_FILE ERR_FILE COMMAND ARGS...\n");
    return 2;
  }
  int out_tty = strcmp(argv[1], "1") == 0 || strcmp(argv[1], "2") == 0;
  int in_tty = strcmp(argv[1], "1") == 0;
  int err_tty = strcmp(argv[2], "1") == 0;
  int out_file = open(argv[3], O_WRONLY | O_CREAT | O_TRUNC, 0600);
  int err_file = open(argv[4], O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (out_file < 0 || err_file < 0) {
    perror("pty-run: output file");
    return 2;
  }
  int om = -1, os = -1, em = -1, es = -1;
  if ((out_tty && open_pty(&om, &os) != 0) || (err_tty && open_pty(&em, &es) != 0)) {
    perror("pty-run: pseudo-terminal");
    return 2;
  }
  pid_t pid = fork();
  if (pid < 0) {
    perror("pty-run: fork");
    return 2;
  }
  if (pid == 0) {
    int in = in_tty ? os : open("/dev/null", O_RDONLY);
    if (in < 0 || dup2(in, 0) < 0 || dup2(out_tty ? os : out_file, 1) < 0 || dup2(err_tty ? es : err_file, 2) < 0) {
      _exit(127);
    }
    int keep[] = {om, os, em, es, out_file, err_file, in};
    for (size_t i = 0; i < sizeof keep / sizeof keep[0]; i++) {
      if (keep[i] > 2) {
        close(keep[i]);
      }
    }
    execvp(argv[5], argv + 5);
    _exit(127);
  }
  if (os >= 0) {
    close(os);
  }
  if (es >= 0) {
    close(es);
  }
  int open_masters = (om >= 0) + (em >= 0);
  while (open_masters > 0) {
    struct pollfd p[2] = {{om, POLLIN, 0}, {em, POLLIN, 0}};
    if (poll(p, 2, -1) < 0) {
      if (errno == EINTR) {
        continue;
      }
      break;
    }
    if (om >= 0 && (p[0].revents & (POLLIN | POLLHUP | POLLERR)) && !copy_out(om, out_file)) {
      close(om);
      om = -1;
      open_masters--;
    }
    if (em >= 0 && (p[1].revents & (POLLIN | POLLHUP | POLLERR)) && !copy_out(em, err_file)) {
      close(em);
      em = -1;
      open_masters--;
    }
  }
  int status;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) {
      return 2;
    }
  }
  close(out_file);
  close(err_file);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
