#!/usr/bin/python3
"""Marks one ELF symbol-version requirement weak, so the loader accepts a libstdc++ that lacks it.

Why: TorchSharp 0.107.0's libLibTorchSharp.so asks libstdc++.so.6 for GLIBCXX_3.4.32 (GCC 13), but Debian 12 ships
3.4.30 (GCC 12), so dlopen fails and TorchSharp reports a missing libtorch package instead. Only one symbol,
std::ios_base_library_init, carries that version, and no relocation refers to it (it only anchors iostream start-up in
newer GCCs), so the library runs fine without it. Setting VER_FLG_WEAK on the .gnu.version_r entry turns the hard
"version not found" error into the loader's tolerated weak miss.

Safety: before writing, every relocation of the file is checked: if any refers to a symbol with the weakened version,
nothing is written and the script fails (a future TorchSharp that really needs the newer libstdc++ is reported, not
silently broken). Idempotent: an entry already weak is left alone; the file's size and mtime are kept, and the patched
file replaces the old one by rename, so a hard link to the NuGet cache (CreateHardLinksForCopyLocalIfPossible) is broken,
never written through.

Usage: weaken_version_need.py FILE.so LIBRARY VERSION   e.g.  libLibTorchSharp.so libstdc++.so.6 GLIBCXX_3.4.32
Exit status 0: patched or already weak, or the file does not need VERSION at all.
"""
import os
import struct
import sys

SHT_RELA, SHT_DYNSYM, SHT_VERNEED, SHT_VERSYM = 4, 11, 0x6ffffffe, 0x6fffffff
VER_FLG_WEAK = 0x2


def fail(message):
    sys.stderr.write('weaken_version_need: ' + message + '\n')
    sys.exit(1)


def sections(data):
    if data[:4] != b'\x7fELF' or data[4] != 2 or data[5] != 1:
        fail('not a little-endian 64-bit ELF file')
    shoff, = struct.unpack_from('<Q', data, 0x28)
    shentsize, shnum = struct.unpack_from('<HH', data, 0x3A)
    out = []
    for i in range(shnum):
        _, stype, _, _, off, size, link, _, _, entsize = struct.unpack_from('<IIQQQQIIQQ', data, shoff + i * shentsize)
        out.append({'type': stype, 'offset': off, 'size': size, 'link': link, 'entsize': entsize})
    return out


def cstring(data, offset):
    return data[offset:data.index(b'\0', offset)].decode()


def find_need(data, secs, library, version):
    """Returns (file offset of the vna_flags field, version index) of LIBRARY's need for VERSION, or None."""
    for sec in secs:
        if sec['type'] != SHT_VERNEED:
            continue
        strtab = secs[sec['link']]['offset']
        pos = sec['offset']
        while True:
            _, cnt, vn_file, vn_aux, vn_next = struct.unpack_from('<HHIII', data, pos)
            aux = pos + vn_aux
            for _ in range(cnt):
                _, _, other, name, next_aux = struct.unpack_from('<IHHII', data, aux)
                if cstring(data, strtab + vn_file) == library and cstring(data, strtab + name) == version:
                    return aux + 4, other
                aux += next_aux
            if vn_next == 0:
                break
            pos += vn_next
    return None


def relocated_users(data, secs, index):
    """Names of symbols with version index INDEX that some RELA relocation refers to."""
    dynsym = next(s for s in secs if s['type'] == SHT_DYNSYM)
    versym = next(s for s in secs if s['type'] == SHT_VERSYM)
    strtab = secs[dynsym['link']]['offset']
    users = set()
    for sec in secs:
        if sec['type'] != SHT_RELA or secs[sec['link']] is not dynsym:
            continue
        for off in range(sec['offset'], sec['offset'] + sec['size'], 24):
            sym = struct.unpack_from('<Q', data, off + 8)[0] >> 32
            if sym and struct.unpack_from('<H', data, versym['offset'] + 2 * sym)[0] & 0x7fff == index:
                st_name = struct.unpack_from('<I', data, dynsym['offset'] + 24 * sym)[0]
                users.add(cstring(data, strtab + st_name))
    return sorted(users)


def main():
    if len(sys.argv) != 4:
        fail('usage: weaken_version_need.py FILE.so LIBRARY VERSION')
    path, library, version = sys.argv[1:]
    with open(path, 'rb') as f:
        data = bytearray(f.read())
    secs = sections(data)
    found = find_need(data, secs, library, version)
    if found is None:
        print(f'{path}: needs no {library} {version}; left alone')
        return
    flags_at, index = found
    flags, = struct.unpack_from('<H', data, flags_at)
    if flags & VER_FLG_WEAK:
        print(f'{path}: {library} {version} already weak')
        return
    users = relocated_users(data, secs, index)
    if users:
        fail(f'{path}: relocations use {version} symbols ({", ".join(users)}); marking it weak would break them. '
             f'Install a libstdc++ that provides {version} instead.')
    struct.pack_into('<H', data, flags_at, flags | VER_FLG_WEAK)
    # A fresh file renamed over the old one: the output copy may be a hard link into the NuGet cache, which must not change.
    stat = os.stat(path)
    tmp = path + '.weakening'
    with open(tmp, 'wb') as f:
        f.write(data)
    os.chmod(tmp, stat.st_mode & 0o7777)
    os.utime(tmp, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    os.replace(tmp, path)
    print(f'{path}: {library} {version} marked weak')


if __name__ == '__main__':
    main()
