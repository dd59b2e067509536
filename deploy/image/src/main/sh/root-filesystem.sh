#!/usr/bin/env bash
# The image's operating-system layer, made from Debian's own packages the way distroless images are: only the
# shared libraries the Java runtime and Z3's native library link against (C library, GCC runtime, C++ library),
# unpacked with dpkg-deb, no shell and no package manager. The Java runtime itself is added by jlink afterwards.
#
# usage: root-filesystem.sh OUTPUT-DIR
set -euo pipefail

out="$1"
packages=(libc6 libgcc-s1 libstdc++6)
work="$(dirname "$out")/debian-packages"

rm -rf "$out" "$work"
mkdir -p "$out" "$work"
(cd "$work" && apt-get download -qq "${packages[@]}" 2>/dev/null) || {
  echo "root-filesystem.sh: could not download ${packages[*]} with apt-get download (a Debian or Ubuntu machine with" \
       "its package lists is needed to build the image)" >&2
  exit 1
}
for deb in "$work"/*.deb; do
  dpkg-deb -x "$deb" "$out"
done

# Links inside the layer must not point at the building machine: each one becomes a copy of its target within
# the layer (the image builder copies files, not links).
while IFS= read -r link; do
  target="$(readlink "$link")"
  case "$target" in
    /*) resolved="$out$target" ;;
    *) resolved="$(dirname "$link")/$target" ;;
  esac
  if [ -e "$resolved" ]; then
    cp --remove-destination -L "$resolved" "$link"
  else
    rm "$link"
  fi
done < <(find "$out" -type l)
rm -rf "$out/usr/share/doc" "$out/usr/share/lintian" "$out/usr/share/gdb" "$out/usr/share/gcc" \
       "$out/usr/lib/x86_64-linux-gnu/gconv" "$out/usr/share/locale"

# The service runs as user 10001 in group 0, so that a platform that picks its own user id (OpenShift) still
# owns the data directory through the group.
mkdir -p "$out/etc" "$out/tmp" "$out/var/lib/arbiter" "$out/proc" "$out/dev"
echo 'root:x:0:0:root:/root:/sbin/nologin' > "$out/etc/passwd"
echo 'arbiter:x:10001:0:Arbiter:/var/lib/arbiter:/sbin/nologin' >> "$out/etc/passwd"
echo 'root:x:0:' > "$out/etc/group"

# What the layer holds, for whoever audits the image.
mkdir -p "$out/usr/share/arbiter"
for deb in "$work"/*.deb; do
  dpkg-deb -W --showformat='${Package} ${Version} ${Architecture}\n' "$deb"
done > "$out/usr/share/arbiter/debian-packages.txt"
