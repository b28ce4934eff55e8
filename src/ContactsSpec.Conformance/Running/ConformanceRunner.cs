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
    private readonly ErrorKindTable _errorTable;
    private readonly ConformanceCaseHandler _transport;
    private readonly HttpClient _httpClient;

    /// <summary>A runner over a started server, judging facade errors by <paramref name="errorTable"/> (docs/ERRORS.md).</summary>
    public ConformanceRunner(WireMockServer server, ErrorKindTable errorTable)
    {
        _server = server ?? throw new ArgumentNullException(nameof(server));
        _errorTable = errorTable ?? throw new ArgumentNullException(nameof(errorTable));
        // One connection pool for both targets: the generated clients use it through _httpClient, each facade
        // client as its transport.
        _transport = new ConformanceCaseHandler(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        _httpClient = new HttpClient(_transport, disposeHandler: false) { Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>Replaces the server's stubs with one per case and target, in a single import.</summary>
    public async Task LoadStubsAsync(IEnumerable<ConformanceCase> cases, CancellationToken cancellationToken = default)
    {
        var mappings = new JsonArray();
        foreach (var @case in cases)
        {
            mappings.Add(WireMockStubFactory.Build(@case, ConformanceTarget.GeneratedClient));
            if (FacadeInvoker.IsReachable(@case.Operation))
            {
                mappings.Add(WireMockStubFactory.Build(@case, ConformanceTarget.Facade));
            }
        }

        await _server.Admin.ImportMappingsAsync(mappings, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs one case against the target; never throws for a non-conforming client or facade.</summary>
    public async Task<ConformanceResult> RunAsync(ConformanceCase @case, ConformanceTarget target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var stopwatch = Stopwatch.StartNew();
        var spec = @case.Operation.Spec;
        var baseUrl = new Uri(_server.BaseUri, SpecCredentials.ServerBasePath(spec) + "/");
        var tag = @case.RequestTag(target);

        // The facade authenticates itself; for the generated client the harness adds the spec's example token.
        using var scope = ConformanceCaseContext.Begin(tag, target == ConformanceTarget.Facade ? null : SpecCredentials.ExampleBearerToken(spec));
        InvocationOutcome outcome;
        if (target == ConformanceTarget.Facade)
        {
            using var facade = new ContactsClient(FacadeInvoker.Options(spec, new Uri(baseUrl.ToString().TrimEnd('/'))), _transport);
            outcome = await FacadeInvoker.InvokeAsync(facade, @case.Operation, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var client = GeneratedClientRegistry.Create(@case.Provider, _httpClient, baseUrl);
            outcome = await GeneratedClientInvoker.InvokeAsync(client, @case.Operation, cancellationToken).ConfigureAwait(false);
        }

        var problems = new List<string>();
        var logged = await _server.Admin.FindRequestsAsync(
            new JsonObject
            {
                ["method"] = "ANY",
                ["headers"] = new JsonObject { [ConformanceHeaders.CaseId] = new JsonObject { ["equalTo"] = tag } },
            },
            cancellationToken).ConfigureAwait(false);

        if (logged.Count != 1 || logged[0] is not JsonObject request)
        {
            problems.Add($"expected exactly one request to reach WireMock, it recorded {logged.Count}"
                + (outcome.Exception is null ? string.Empty : $"; the call threw {outcome.Exception.GetType().Name}: {outcome.Exception.Message}"));
            return new ConformanceResult(@case, target, problems, stopwatch.Elapsed);
        }

        if (!scope.Context.AllMatched)
        {
            var nearMisses = await _server.Admin.GetNearMissesAsync(request, cancellationToken).ConfigureAwait(false);
            problems.Add("WireMock matched no stub: the request differs from what the spec calls correct. Near misses:"
                + Environment.NewLine + WireMockAdminClient.FormatNearMisses(nearMisses));
        }
        else
        {
            problems.AddRange(target == ConformanceTarget.Facade
                ? FacadeOutcomeVerifier.Verify(@case, _errorTable, outcome)
                : OutcomeVerifier.Verify(@case, outcome));
        }

        problems.AddRange((await RequestVerifier.VerifyAsync(@case.Operation, request, cancellationToken).ConfigureAwait(false))
            .Select(problem => $"request: {problem}"));
        return new ConformanceResult(@case, target, problems, stopwatch.Elapsed);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _httpClient.Dispose();
        _transport.Dispose();
    }
}
