namespace NnViz.Data;

/// <summary>Reads a stream as lines of raw bytes split on LF (a trailing CR is dropped), so each line can be decoded on its own.</summary>
internal sealed class ByteLines(Stream stream)
{
    private readonly byte[] _buffer = new byte[1 << 16];
    private int _start, _end;
    private byte[] _line = new byte[256];

    /// <summary>The next line (valid until the next call), or false at the end of the stream.</summary>
    public bool Next(out ReadOnlySpan<byte> line)
    {
        int length = 0;
        while (true)
        {
            if (_start == _end)
            {
                _start = 0;
                _end = stream.Read(_buffer, 0, _buffer.Length);
                if (_end == 0)
                {
                    line = Trim(length);
                    return length > 0;
                }
            }
            int nl = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            int stop = nl < 0 ? _end : nl;
            Append(ref length, _buffer.AsSpan(_start, stop - _start));
            if (nl >= 0)
            {
                _start = nl + 1;
                line = Trim(length);
                return true;
            }
            _start = _end;
        }
    }

    private void Append(ref int length, ReadOnlySpan<byte> part)
    {
        if (length + part.Length > _line.Length) Array.Resize(ref _line, Math.Max(_line.Length * 2, length + part.Length));
        part.CopyTo(_line.AsSpan(length));
        length += part.Length;
    }

    private ReadOnlySpan<byte> Trim(int length) =>
        length > 0 && _line[length - 1] == '\r' ? _line.AsSpan(0, length - 1) : _line.AsSpan(0, length);
}
