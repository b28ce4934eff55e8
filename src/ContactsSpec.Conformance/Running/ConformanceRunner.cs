using System.Diagnostics;
using ContactsSpec.Conformance.Cases;
using ContactsSpec.Conformance.Hosting;
using ContactsSpec.Conformance.Invocation;
using ContactsSpec.Specs;
using ContactsSpec.Conformance.Stubs;
using ContactsSpec.Conformance.Verification;
using WireMock.Server;

namespace ContactsSpec.Conformance.Running;

/// <summary>
/// Runs conformance cases against a WireMock.Net server: per case, loads its stub, calls the NSwag client, the Kiota
/// client or the facade with the spec's request examples, judges both the outcome and the request WireMock logged, and
/// removes the stub. Cases are independent and may run in parallel.
/// </summary>
public sealed class ConformanceRunner : IDisposable
{
    // WireMock.Net logs a request just after answering it; a case's entries are normally there at once.
    private static readonly TimeSpan _logWait = TimeSpan.FromSeconds(5);

    private readonly WireMockServer _server;
    private readonly ErrorKindTable _errorTable;
    private readonly ConformanceCaseHandler _transport;
    private readonly HttpClient _httpClient;
    private readonly ILookup<(string Provider, string OperationId, string ExampleName), ConformanceCase> _documented;

    /// <summary>A runner of <paramref name="cases"/> over a started server, judging facade errors by <paramref name="errorTable"/> (docs/ERRORS.md).</summary>
    public ConformanceRunner(WireMockServer server, ErrorKindTable errorTable, IEnumerable<ConformanceCase> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        // Named examples are unique per operation; body-less "empty" ones repeat per status and are never preceding answers.
        _documented = cases.Where(@case => @case.Kind == ConformanceCaseKind.Documented)
            .ToLookup(@case => (@case.Provider, @case.Operation.Id, @case.ExampleName));
        _server = server ?? throw new ArgumentNullException(nameof(server));
        _errorTable = errorTable ?? throw new ArgumentNullException(nameof(errorTable));
        // One connection pool for every target: the generated clients use it through _httpClient, each facade
        // client as its transport.
        _transport = new ConformanceCaseHandler(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        _httpClient = new HttpClient(_transport, disposeHandler: false) { Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>
    /// Adds the stub of one case for one target, and for a facade case whose call sends other requests first
    /// (<see cref="FacadeInvoker.PrecedingRequests"/>) their documented answers under its own tag. Dispose the result
    /// to remove them: WireMock.Net tries every stub on every request, so only the cases in flight keep theirs.
    /// </summary>
    /// <param name="case">The case whose answer the stubs give.</param>
    /// <param name="target">Which caller they are for.</param>
    /// <param name="caseTag">The <see cref="ConformanceHeaders.CaseId"/> they match; default: the case's own tag for the target.</param>
    public WireMockStubSet LoadStubs(ConformanceCase @case, ConformanceTarget target, string? caseTag = null)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var tag = caseTag ?? @case.RequestTag(target);
        var stubs = new List<WireMockStub>(WireMockStubFactory.Build(@case, target, caseTag: tag));
        if (target == ConformanceTarget.Facade)
        {
            stubs.AddRange(FacadeInvoker.PrecedingRequests(@case.Operation).SelectMany(preceding => WireMockStubFactory.Build(
                _documented[(@case.Provider, preceding.OperationId, preceding.Example)].Single(),
                ConformanceTarget.Facade,
                caseTag: tag,
                title: $"{tag} (before it: {preceding.OperationId}/{preceding.Example})")));
        }

        var loaded = new WireMockStubSet(_server);
        stubs.ForEach(loaded.Add);
        return loaded;
    }

    /// <summary>Runs one case against the target; never throws for a non-conforming client or facade.</summary>
    public async Task<ConformanceResult> RunAsync(ConformanceCase @case, ConformanceTarget target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var stopwatch = Stopwatch.StartNew();
        var spec = @case.Operation.Spec;
        var baseUrl = new Uri(_server.BaseUri(), SpecCredentials.ServerBasePath(spec).TrimStart('/') + "/");
        var tag = @case.RequestTag(target);

        using var stubs = LoadStubs(@case, target);
        // The facade authenticates itself; for the generated clients the harness adds the spec's example token.
        using var scope = ConformanceCaseContext.Begin(tag, target == ConformanceTarget.Facade ? null : SpecCredentials.ExampleBearerToken(spec));
        InvocationOutcome outcome;
        switch (target)
        {
            case ConformanceTarget.Facade:
                using (var facade = new ContactsClient(FacadeInvoker.Options(@case.Operation, new Uri(baseUrl.ToString().TrimEnd('/'))), _transport))
                {
                    outcome = await FacadeInvoker.InvokeAsync(facade, @case.Operation, cancellationToken).ConfigureAwait(false);
                }

                break;
            case ConformanceTarget.KiotaClient:
                outcome = await KiotaClientInvoker.InvokeAsync(KiotaClientInvoker.Create(@case.Provider, _httpClient, baseUrl), @case.Operation, cancellationToken).ConfigureAwait(false);
                break;
            default:
                outcome = await GeneratedClientInvoker.InvokeAsync(GeneratedClientRegistry.Create(@case.Provider, _httpClient, baseUrl), @case.Operation, cancellationToken).ConfigureAwait(false);
                break;
        }

        var problems = new List<string>();
        // The facade may send documented requests before the operation's own (WAMM: contact_to, then contact_to_user).
        var operations = (target == ConformanceTarget.Facade ? FacadeInvoker.PrecedingRequests(@case.Operation) : [])
            .Select(preceding => spec.Operations.Single(operation => operation.Id == preceding.OperationId))
            .Append(@case.Operation)
            .ToList();
        // Every answer the client received is logged, if a moment later; waiting for all of them counts a retry or
        // duplicate that arrived just before the call returned.
        var logged = await _server.WaitForAsync(tag, Math.Max(operations.Count, scope.Context.ResponseCount), _logWait, cancellationToken).ConfigureAwait(false);
        var requests = logged.Select(entry => RecordedRequest.From(entry.RequestMessage)).ToList();
        if (requests.Count != operations.Count)
        {
            problems.Add($"expected {operations.Count} request(s) to reach WireMock, it logged {logged.Count}"
                + (outcome.Exception is null ? string.Empty : $"; the call threw {outcome.Exception.GetType().Name}: {outcome.Exception.Message}"));
            return new ConformanceResult(@case, target, problems, stopwatch.Elapsed) { Outcome = outcome.Describe() };
        }

        if (!scope.Context.AllMatched)
        {
            problems.Add("WireMock matched no stub: the request differs from what the spec calls correct. "
                + string.Join(Environment.NewLine, logged.Where(entry => entry.MappingGuid is null).Select(WireMockRequestLog.NearMiss)));
        }
        else
        {
            problems.AddRange(target switch
            {
                ConformanceTarget.Facade => FacadeOutcomeVerifier.Verify(@case, _errorTable, outcome),
                ConformanceTarget.KiotaClient => await KiotaOutcomeVerifier.VerifyAsync(@case, outcome, cancellationToken).ConfigureAwait(false),
                _ => OutcomeVerifier.Verify(@case, outcome),
            });
        }

        foreach (var request in requests)
        {
            // Each request is judged against the operation whose path it takes; one that fits none is judged
            // against the case's own, which reports the path.
            var operation = operations.FirstOrDefault(candidate => RequestVerifier.FitsPath(candidate, request)) ?? @case.Operation;
            problems.AddRange((await RequestVerifier.VerifyAsync(operation, request, cancellationToken).ConfigureAwait(false))
                .Select(problem => $"request ({operation.Id}): {problem}"));
        }

        return new ConformanceResult(@case, target, problems, stopwatch.Elapsed) { Outcome = outcome.Describe() };
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _httpClient.Dispose();
        _transport.Dispose();
    }
}
