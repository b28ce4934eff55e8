using System.Text.Json.Nodes;
using ContactsSpec.Benchmarks.Infrastructure;
using ContactsSpec.Conformance.Hosting;

namespace ContactsSpec.Benchmarks.Bulk;

/// <summary>
/// Starts the repository's real WireMock (the pinned standalone jar on Java, on a free loopback port) with one
/// stub, for the bulk benchmarks. The request journal is off (<c>--no-request-journal</c>): the runs send
/// thousands of requests and nothing reads them back.
/// </summary>
internal static class LoopbackWireMock
{
    public static async Task<WireMockServer> StartAsync(JsonObject stub)
    {
        var repository = DocumentedExamples.RepositoryRoot;
        var server = await WireMockServer.StartAsync(new WireMockServerOptions
        {
            JarPath = WireMockServerOptions.ForRepository(repository).JarPath,
            ExtraArguments = ["--no-request-journal"],
        });
        try
        {
            await server.Admin.AddMappingAsync(stub);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }
}
