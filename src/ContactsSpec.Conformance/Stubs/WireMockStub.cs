using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace ContactsSpec.Conformance.Stubs;

/// <summary>One WireMock.Net mapping, built with its request and response builders, not yet given to a server.</summary>
/// <param name="Title">The stub's name; its answers carry it in <see cref="ConformanceHeaders.MatchedStub"/>.</param>
/// <param name="Request">What a request must be to match.</param>
/// <param name="Response">The answer.</param>
public sealed record WireMockStub(string Title, IRequestBuilder Request, IResponseBuilder Response)
{
    /// <summary>Adds the stub to <paramref name="server"/>.</summary>
    public void AddTo(WireMockServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        server.Given(Request).WithTitle(Title).RespondWith(Response.WithHeader(ConformanceHeaders.MatchedStub, Title));
    }
}
