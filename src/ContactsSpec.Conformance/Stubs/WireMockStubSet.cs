using System.Collections.Concurrent;
using WireMock.RequestBuilders;
using WireMock.Server;

namespace ContactsSpec.Conformance.Stubs;

/// <summary>
/// Stubs of one case or run, removed from the server again when disposed. WireMock.Net tries every mapping on every
/// request, so stubs left behind by finished cases would slow down every later one; what the log says about a request
/// (including the title of the stub that answered it) stays.
/// </summary>
public sealed class WireMockStubSet(WireMockServer server) : IDisposable
{
    private readonly ConcurrentQueue<Guid> _guids = new();

    /// <summary>Adds <paramref name="stub"/> to the server.</summary>
    public void Add(WireMockStub stub)
    {
        ArgumentNullException.ThrowIfNull(stub);
        _guids.Enqueue(stub.AddTo(server));
    }

    /// <summary>Starts a stub, as <see cref="WireMockServer.Given"/> does, that this set removes again.</summary>
    public IRespondWithAProvider Given(IRequestBuilder request)
    {
        var guid = Guid.NewGuid();
        _guids.Enqueue(guid);
        return server.Given(request).WithGuid(guid);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        while (_guids.TryDequeue(out var guid))
        {
            server.DeleteMapping(guid);
        }
    }
}
