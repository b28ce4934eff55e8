using System.Net;
using System.Net.Http.Headers;

namespace ContactsSpec.Benchmarks.Infrastructure;

/// <summary>
/// The in-memory transport every per-call benchmark shares: it reads the request body to the end (as a socket
/// would, so lazily serialised content is really serialised) and answers with one fixed status and body. The
/// body bytes are kept once and wrapped per response without copying.
/// </summary>
public sealed class CannedResponseHandler : HttpMessageHandler
{
    private readonly HttpStatusCode _status;
    private readonly byte[]? _body;

    /// <summary>Answers every request with <paramref name="status"/> and <paramref name="body"/> as <c>application/json</c> (no content when null).</summary>
    public CannedResponseHandler(HttpStatusCode status, byte[]? body)
    {
        _status = status;
        _body = body;
    }

    /// <summary>How many requests were answered.</summary>
    public long Requests { get; private set; }

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Task.FromResult(Answer(request, cancellationToken));

    /// <inheritdoc />
    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Answer(request, cancellationToken);

    private HttpResponseMessage Answer(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Content?.CopyTo(Stream.Null, context: null, cancellationToken);
        Requests++;
        var response = new HttpResponseMessage(_status) { RequestMessage = request };
        if (_body is not null)
        {
            response.Content = new ByteArrayContent(_body);
            response.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        return response;
    }
}
