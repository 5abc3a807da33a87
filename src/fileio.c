/*
 * fileio.c - checked, atomic file writes and bounded reads.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fileio.h"
#include "util.h"

static int write_all(int fd, const void *data, size_t len)
{
	const char *p = data;

	while (len) {
		ssize_t n = write(fd, p, len);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Writes to a special file (device, FIFO) in place, checking every step. */
static int write_special(const char *path, const void *data, size_t len,
			 struct buf *err)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC);

	if (fd < 0) {
		buf_addf(err, "cannot open '%s': %s", path, strerror(errno));
		return -1;
	}
	if (write_all(fd, data, len) < 0) {
		buf_addf(err, "cannot write '%s': %s", path, strerror(errno));
		close(fd);
		return -1;
	}
	if (close(fd) < 0) {
		buf_addf(err, "cannot write '%s': %s", path, strerror(errno));
		return -1;
	}
	return 0;
}

static char *temp_name_for(const char *path)
{
	struct buf name = BUF_INIT;
	const char *slash = strrchr(path, '/');

	if (slash)
		buf_add(&name, path, (size_t)(slash - path + 1));
	buf_addf(&name, ".%s.tmpXXXXXX", slash ? slash + 1 : path);
	return buf_detach(&name, NULL);
}

/*
 * Makes the rename itself durable: until the directory is flushed, a crash
 * can still lose the new name.  Best effort: some file systems refuse.
 */
static void sync_parent(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir;
	int fd;

	if (!slash)
		dir = xstrdup(".");
	else
		dir = xstrndup(path, slash == path ? 1 : (size_t)(slash - path));
	fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd >= 0) {
		(void)fsync(fd);
		close(fd);
	}
	free(dir);
}

int file_write_atomic(const char *path, const void *data, size_t len,
		      unsigned flags, struct buf *err)
{
	struct stat st;
	char *tmp = NULL;
	int fd = -1, ret = -1;

	if (stat(path, &st) == 0) {
		if (!S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode))
			return write_special(path, data, len, err);
		if (S_ISDIR(st.st_mode)) {
			buf_addf(err, "'%s' is a directory", path);
			return -1;
		}
		if (!(flags & FILE_WRITE_FORCE)) {
			buf_addf(err, "refusing to overwrite '%s' (use --force)",
				 path);
			return -1;
		}
	}
	tmp = temp_name_for(path);
	fd = mkstemp(tmp);
	if (fd < 0) {
		buf_addf(err, "cannot create a file beside '%s': %s", path,
			 strerror(errno));
		goto out;
	}
	if (fchmod(fd, 0644) < 0 || write_all(fd, data, len) < 0 ||
	    fsync(fd) < 0) {
		buf_addf(err, "cannot write '%s': %s", path, strerror(errno));
		goto out;
	}
	if (close(fd) < 0) {
		fd = -1;
		buf_addf(err, "cannot write '%s': %s", path, strerror(errno));
		goto out;
	}
	fd = -1;
	if (rename(tmp, path) < 0) {
		buf_addf(err, "cannot rename to '%s': %s", path,
			 strerror(errno));
		goto out;
	}
	sync_parent(path);
	ret = 0;
out:
	if (fd >= 0)
		close(fd);
	if (ret < 0 && tmp)
		unlink(tmp);
	free(tmp);
	return ret;
}

/* How much room each read() gets. */
#define READ_CHUNK ((size_t)65536)

int file_open_regular(const char *path, struct buf *err)
{
	struct stat st;
	int fd, flags;

	fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0) {
		buf_addf(err, "cannot open '%s': %s", path, strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) < 0) {
		buf_addf(err, "cannot read '%s': %s", path, strerror(errno));
		goto fail;
	}
	if (!S_ISREG(st.st_mode)) {
		buf_addf(err, "'%s' is not a regular file", path);
		goto fail;
	}
	flags = fcntl(fd, F_GETFL);
	if (flags < 0 || fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) < 0) {
		buf_addf(err, "cannot read '%s': %s", path, strerror(errno));
		goto fail;
	}
	return fd;
fail:
	close(fd);
	return -1;
}

int file_read_all(const char *path, size_t max, struct buf *out,
		  struct buf *err)
{
	struct stat st;
	size_t total = 0;
	int fd, ret = -1;

	fd = file_open_regular(path, err);
	if (fd < 0)
		return -1;
	/* One allocation for the whole file, rather than doubling copies. */
	if (fstat(fd, &st) == 0 && st.st_size > 0 && (size_t)st.st_size <= max)
		buf_grow(out, (size_t)st.st_size + READ_CHUNK);
	for (;;) {
		ssize_t n;

		/* Read straight into the buffer: no copy of a big file. */
		buf_grow(out, READ_CHUNK);
		n = read(fd, out->data + out->len, READ_CHUNK);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			buf_addf(err, "cannot read '%s': %s", path,
				 strerror(errno));
			goto out;
		}
		if (n == 0)
			break;
		total += (size_t)n;
		if (total > max) {
			buf_addf(err, "'%s' is too large (more than %zu MiB)",
				 path, max / (1024 * 1024));
			goto out;
		}
		out->len += (size_t)n;
		out->data[out->len] = '\0';
	}
	ret = 0;
out:
	close(fd);
	return ret;
}

int file_make_dir(const char *path, struct buf *err)
{
	if (mkdir(path, 0755) == 0 || (errno == EEXIST && file_is_dir(path)))
		return 0;
	buf_addf(err, "cannot create directory '%s': %s", path,
		 strerror(errno));
	return -1;
}

int file_is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int file_exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0;
}
