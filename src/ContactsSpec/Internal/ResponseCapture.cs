using System.Text;

namespace ContactsSpec.Internal;

/// <summary>
/// The first bytes of the response body of one provider call, for the excerpt an error about an unreadable or
/// undocumented answer quotes. <see cref="ContactsAdapter"/> begins one per attempt; <see cref="ContactsHttpHandler"/>
/// fills it as the body is read, so only what the generated client actually read is kept, at most
/// <see cref="Capacity"/> bytes.
/// </summary>
internal sealed class ResponseCapture
{
    /// <summary>Bytes kept: well beyond the excerpt, so that a credential near its end is still whole when redacted.</summary>
    public const int Capacity = 4096;

    private static readonly AsyncLocal<ResponseCapture?> _current = new();
    private readonly Lock _gate = new();
    private byte[]? _bytes;
    private int _count;

    /// <summary>The capture of the provider call in progress on this async flow, if any.</summary>
    public static ResponseCapture? Current => _current.Value;

    /// <summary>Starts a capture for the calling async flow and what it awaits.</summary>
    public static ResponseCapture Begin()
    {
        var capture = new ResponseCapture();
        _current.Value = capture;
        return capture;
    }

    public void Append(ReadOnlySpan<byte> data)
    {
        lock (_gate)
        {
            var take = Math.Min(data.Length, Capacity - _count);
            if (take <= 0)
            {
                return;
            }

            // Grown to what was read, not allocated at full capacity: a typical answer is a few hundred bytes
            // and every call that reads a body pays for this buffer.
            if (_bytes is null || _bytes.Length < _count + take)
            {
                Array.Resize(ref _bytes, Math.Min(Capacity, Math.Max(_count + take, (_bytes?.Length ?? 0) * 2)));
            }

            data[..take].CopyTo(_bytes.AsSpan(_count));
            _count += take;
        }
    }

    /// <summary>What has been read of the body, decoded as UTF-8 (invalid bytes replaced); null when nothing was read.</summary>
    public string? Text()
    {
        lock (_gate)
        {
            return _count == 0 ? null : Encoding.UTF8.GetString(_bytes!, 0, _count);
        }
    }
}
