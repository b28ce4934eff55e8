using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace ContactsSpec.Conformance.Stubs;

/// <summary>One WireMock.Net mapping, built with its request and response builders, not yet given to a server.</summary>
public sealed class WireMockStub
{
    /// <summary>A stub whose answers carry <paramref name="title"/> in <see cref="ConformanceHeaders.MatchedStub"/>.</summary>
    /// <param name="title">The stub's name.</param>
    /// <param name="request">What a request must be to match.</param>
    /// <param name="response">The answer.</param>
    public WireMockStub(string title, IRequestBuilder request, IResponseBuilder response)
    {
        ArgumentException.ThrowIfNullOrEmpty(title);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        Title = title;
        Request = request;
        Response = response.WithHeader(ConformanceHeaders.MatchedStub, title);
    }

    /// <summary>The stub's name.</summary>
    public string Title { get; }

    /// <summary>What a request must be to match.</summary>
    public IRequestBuilder Request { get; }

    /// <summary>The answer, with the matched-stub header.</summary>
    public IResponseBuilder Response { get; }

    /// <summary>Adds the stub to <paramref name="server"/>.</summary>
    /// <returns>The mapping's id, for <see cref="WireMockServer.DeleteMapping"/>.</returns>
    public Guid AddTo(WireMockServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var guid = Guid.NewGuid();
        server.Given(Request).WithGuid(guid).WithTitle(Title).RespondWith(Response);
        return guid;
    }
}
