using System.Collections.Concurrent;
using WireMock.RequestBuilders;
using WireMock.Server;

namespace ContactsSpec.Reliability.Tests.Support;

/// <summary>
/// The WireMock.Net stubs of one case or run, removed again when it is disposed. WireMock.Net tries every mapping on
/// every request, so stubs left behind by finished cases would slow down the whole suite; what the log entries say
/// about a request (including the title of the stub that answered it) stays.
/// </summary>
internal sealed class StubSet(WireMockServer server) : IDisposable
{
    private readonly ConcurrentQueue<Guid> _guids = new();

    /// <summary>Starts a stub, as <see cref="WireMockServer.Given"/> does, that this set removes again.</summary>
    public IRespondWithAProvider Given(IRequestBuilder request)
    {
        var guid = Guid.NewGuid();
        _guids.Enqueue(guid);
        return server.Given(request).WithGuid(guid);
    }

    public void Dispose()
    {
        while (_guids.TryDequeue(out var guid))
        {
            server.DeleteMapping(guid);
        }
    }
}
