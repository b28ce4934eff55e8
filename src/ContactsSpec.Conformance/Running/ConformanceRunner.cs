using System.Diagnostics;
using System.Text.Json.Nodes;
using ContactsSpec.Conformance.Cases;
using ContactsSpec.Conformance.Hosting;
using ContactsSpec.Conformance.Invocation;
using ContactsSpec.Conformance.Specs;
using ContactsSpec.Conformance.Stubs;
using ContactsSpec.Conformance.Verification;

namespace ContactsSpec.Conformance.Running;

/// <summary>
/// Runs conformance cases against a WireMock server: loads every case's stub in one import, then, per case,
/// calls the generated client with the spec's request examples and judges both the outcome and the request
/// WireMock recorded. Cases are independent and may run in parallel.
/// </summary>
public sealed class ConformanceRunner : IDisposable
{
    private readonly WireMockServer _server;
    private readonly HttpClient _httpClient;

    /// <summary>A runner over a started server.</summary>
    public ConformanceRunner(WireMockServer server)
    {
        _server = server ?? throw new ArgumentNullException(nameof(server));
#pragma warning disable CA2000 // The HttpClient owns and disposes the handler chain.
        _httpClient = new HttpClient(new ConformanceCaseHandler(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }))
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
#pragma warning restore CA2000
    }

    /// <summary>Replaces the server's stubs with one per case, in a single import.</summary>
    public async Task LoadStubsAsync(IEnumerable<ConformanceCase> cases, CancellationToken cancellationToken = default)
    {
        var mappings = new JsonArray([.. cases.Select(@case => (JsonNode)WireMockStubFactory.Build(@case))]);
        await _server.Admin.ImportMappingsAsync(mappings, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs one case against the generated client; never throws for a non-conforming client.</summary>
    public async Task<ConformanceResult> RunAsync(ConformanceCase @case, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var stopwatch = Stopwatch.StartNew();
        var spec = @case.Operation.Spec;
        var baseUrl = new Uri(_server.BaseUri, SpecCredentials.ServerBasePath(spec) + "/");
        var client = GeneratedClientRegistry.Create(@case.Provider, _httpClient, baseUrl);

        using var scope = ConformanceCaseContext.Begin(@case.Id, SpecCredentials.ExampleBearerToken(spec));
        var outcome = await GeneratedClientInvoker.InvokeAsync(client, @case.Operation, cancellationToken).ConfigureAwait(false);
        var problems = new List<string>();
        var logged = await _server.Admin.FindRequestsAsync(
            new JsonObject
            {
                ["method"] = "ANY",
                ["headers"] = new JsonObject { [ConformanceHeaders.CaseId] = new JsonObject { ["equalTo"] = @case.Id } },
            },
            cancellationToken).ConfigureAwait(false);

        if (logged.Count != 1 || logged[0] is not JsonObject request)
        {
            problems.Add($"expected exactly one request to reach WireMock, it recorded {logged.Count}"
                + (outcome.Exception is null ? string.Empty : $"; the client threw {outcome.Exception.GetType().Name}: {outcome.Exception.Message}"));
            return new ConformanceResult(@case, problems, stopwatch.Elapsed);
        }

        if (!scope.Context.AllMatched)
        {
            var nearMisses = await _server.Admin.GetNearMissesAsync(request, cancellationToken).ConfigureAwait(false);
            problems.Add("WireMock matched no stub: the request differs from what the spec calls correct. Near misses:"
                + Environment.NewLine + WireMockAdminClient.FormatNearMisses(nearMisses));
        }
        else
        {
            problems.AddRange(OutcomeVerifier.Verify(@case, outcome));
        }

        problems.AddRange((await RequestVerifier.VerifyAsync(@case.Operation, request, cancellationToken).ConfigureAwait(false))
            .Select(problem => $"request: {problem}"));
        return new ConformanceResult(@case, problems, stopwatch.Elapsed);
    }

    /// <inheritdoc />
    public void Dispose() => _httpClient.Dispose();
}
