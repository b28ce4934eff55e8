using System.Buffers;
using System.Text;

namespace ContactsSpec.Internal;

/// <summary>
/// The first bytes of the response body of one provider call, for the excerpt an error about an unreadable or
/// undocumented answer quotes. <see cref="ContactsAdapter"/> begins one per attempt; <see cref="ContactsHttpHandler"/>
/// fills it as the body is read, so only what the generated client actually read is kept, at most
/// <see cref="Capacity"/> bytes, until the call ends (<see cref="End"/>).
/// </summary>
internal sealed class ResponseCapture
{
    /// <summary>Bytes kept: well beyond the excerpt, so that a credential near its end is still whole when redacted.</summary>
    public const int Capacity = 4096;

    private static readonly AsyncLocal<ResponseCapture?> _current = new();
    private readonly Lock _gate = new();
    private byte[]? _bytes;
    private int _count;
    private bool _ended;

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
            if (_ended || take <= 0)
            {
                return;
            }

            // Pooled: every call that reads a body pays for this buffer, and only a failed one needs it.
            _bytes ??= ArrayPool<byte>.Shared.Rent(Capacity);
            data[..take].CopyTo(_bytes.AsSpan(_count));
            _count += take;
        }
    }

    /// <summary>What has been read of the body, decoded as UTF-8 (invalid bytes replaced); null when nothing was read or the capture has ended.</summary>
    public string? Text()
    {
        lock (_gate)
        {
            return _bytes is null ? null : Encoding.UTF8.GetString(_bytes, 0, _count);
        }
    }

    /// <summary>
    /// Ends the capture when its call is over (its errors are built by then): the buffer goes back to the pool, and a
    /// read still running after a timeout keeps nothing.
    /// </summary>
    public void End()
    {
        lock (_gate)
        {
            _ended = true;
            if (_bytes is not null)
            {
                // Cleared first: an answer can echo a credential, and the pool hands the array to other code next.
                _bytes.AsSpan(0, _count).Clear();
                ArrayPool<byte>.Shared.Return(_bytes);
                _bytes = null;
            }
        }
    }
}
