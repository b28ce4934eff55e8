using System.Diagnostics;
using ContactsSpec.Conformance.Stubs;
using ContactsSpec.Reliability.Tests.Support;

namespace ContactsSpec.Reliability.Tests;

/// <summary>
/// What the server does to a case's requests. The four that break the connection, the two "…TwiceThenSuccess" built
/// on them and <see cref="DelayTwiceThenSuccess"/> are played by the test's faulting listener, the rest by
/// WireMock.Net stubs; see <see cref="FaultColumns"/> and docs/RELIABILITY.md.
/// </summary>
public enum FaultKind
{
    /// <summary>The listener reads the request, then closes the socket with linger 0 (RST): "connection reset by peer", on every request.</summary>
    ConnectionReset,

    /// <summary>The listener reads the request, then closes the connection without sending a byte, on every request.</summary>
    EmptyResponse,

    /// <summary>The listener sends a 200 status line announcing a chunked body, then no valid chunk, then closes, on every request.</summary>
    MalformedResponseChunk,

    /// <summary>The listener sends random bytes that are no HTTP answer, then closes, on every request.</summary>
    RandomDataThenClose,

    /// <summary>The success answer, delayed far beyond the per-attempt timeout, on every request (WireMock).</summary>
    DelayBeyondAttemptTimeout,

    /// <summary>The success answer, delayed beyond the overall timeout (the per-attempt one is longer) (WireMock).</summary>
    DelayBeyondOverallTimeout,

    /// <summary>429 with Retry-After: 1 on every request (WireMock).</summary>
    TooManyRequests,

    /// <summary>500 on every request (WireMock).</summary>
    Status500,

    /// <summary>502 with an HTML page on every request (WireMock).</summary>
    Status502,

    /// <summary>503 on every request (WireMock).</summary>
    Status503,

    /// <summary>Two connection resets, then the success answer (the listener's script: reset, reset, answer).</summary>
    ResetTwiceThenSuccess,

    /// <summary>Two 503s, then the success answer (a WireMock scenario).</summary>
    Status503TwiceThenSuccess,

    /// <summary>Two answers delayed beyond the per-attempt timeout, then the success answer (the listener's script: its steps follow arrivals, not sent answers).</summary>
    DelayTwiceThenSuccess,

    /// <summary>Two 429s with Retry-After, then the success answer (a WireMock scenario).</summary>
    TooManyRequestsTwiceThenSuccess,

    /// <summary>Two empty responses (connection closed, nothing sent), then the success answer (the listener's script).</summary>
    EmptyTwiceThenSuccess,
}

/// <summary>
/// Every provider operation the facade sends × every fault, over real HTTP (WireMock.Net, or the faulting listener for
/// the faults that break the connection): each case must end within its
/// timeouts in success after retry or in the documented typed error, with exactly the requests the retry rules
/// allow (one, for a non-idempotent operation after an ambiguous failure), and credentials only where the spec puts
/// them.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class FaultMatrixTests
{
    private const int MaxRetries = 3;

    // 1 + SocketsHttpHandler's MaxConnectionFailureRetries (3), for a body-less request answered with nothing.
    private const int SocketsHandlerSendsOnEmptyAnswer = 4;
    // Well under the 2.5 s delay, yet long enough that a loaded machine (dotnet test runs the test assemblies side
    // by side) still gets every attempt's request out before it times out: 750 ms lost one now and then.
    private static readonly TimeSpan ShortAttemptTimeout = TimeSpan.FromMilliseconds(1500);
    private static readonly TimeSpan ShortOverallTimeout = TimeSpan.FromMilliseconds(1000);
    private static readonly TimeSpan NormalAttemptTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan NormalOverallTimeout = TimeSpan.FromSeconds(10);

    public static IEnumerable<TestCaseData> Cases() =>
        from operation in ProviderCatalog.Operations
        from fault in Enum.GetValues<FaultKind>()
        select new TestCaseData(operation.ToString(), fault);

    [TestCaseSource(nameof(Cases))]
    public async Task Ends_in_success_after_retry_or_the_documented_error(string operationKey, FaultKind fault)
    {
        var operation = ProviderCatalog.Operations.Single(candidate => candidate.ToString() == operationKey);
        var expected = Expect(operation, fault);
        var tag = $"fault/{operation}/{fault}/{Guid.NewGuid():N}";
        using var stubs = new WireMockStubSet(ReliabilityRun.Server);
        var serverRoot = FaultColumns.Arm(operation, fault, tag, stubs);

        var credentials = Credentials.New(operation.Provider);
        var options = ProviderCatalog.Options(operation.Provider, serverRoot, credentials);
        options.Retry.MaxRetries = MaxRetries;
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(20);
        // The 429 columns' Retry-After of 1 s must fit under MaxDelay to be waited out; elsewhere the jittered backoff
        // stays short, so that the attempt-timeout columns end well inside the overall timeout.
        options.Retry.MaxDelay = fault is FaultKind.TooManyRequests or FaultKind.TooManyRequestsTwiceThenSuccess
            ? TimeSpan.FromSeconds(2)
            : TimeSpan.FromMilliseconds(100);
        options.AttemptTimeout = fault is FaultKind.DelayBeyondAttemptTimeout or FaultKind.DelayTwiceThenSuccess ? ShortAttemptTimeout : NormalAttemptTimeout;
        options.OverallTimeout = fault is FaultKind.DelayBeyondOverallTimeout ? ShortOverallTimeout : NormalOverallTimeout;
        using var handler = new CaseTaggingHandler(tag);
        using var client = new ContactsClient(options, handler, Evidence.LoggerFactory);
        Evidence.Scan("ContactsClient.ToString()", client.ToString());
        Evidence.Scan("options.ToString()", options.ToString());

        var stopwatch = Stopwatch.StartNew();
        var call = operation.Invoke(client, CancellationToken.None);
        var finished = await Task.WhenAny(call, Task.Delay(options.OverallTimeout + TimeSpan.FromSeconds(5)));
        stopwatch.Stop();
        if (finished != call)
        {
            Figures.Fault(new FaultRow(operation.Provider, operation.SpecOperationId, fault.ToString(), "Hang", -1, stopwatch.ElapsedMilliseconds, Held: false));
            Assert.Fail($"{operation} under {fault} did not end within {options.OverallTimeout.TotalSeconds + 5:0.#} s.");
        }

        Exception? error = null;
        try
        {
            await call;
        }
#pragma warning disable CA1031 // The outcome is judged below, whatever it is.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            error = exception;
            Evidence.Scan($"{operation}/{fault}", exception);
        }

        var requests = await FaultColumns.RequestsAsync(fault, tag, expected.Requests, waitForStragglers: !operation.Idempotent);
        var outcome = error switch
        {
            null => requests.Count > 1 ? "Success after retry" : "Success",
            ContactsException contacts => contacts.Kind.ToString(),
            _ => $"Unexpected {error.GetType().Name}",
        };
        var violations = requests.SelectMany(request => Wire.CredentialViolations(operation.Provider, request, credentials)).ToList();
        Figures.PlacementChecked(requests.Count);
        var held = error is null or ContactsException
            && outcome.StartsWith(expected.Outcome, StringComparison.Ordinal)
            && requests.Count == expected.Requests
            && violations.Count == 0
            && stopwatch.Elapsed <= options.OverallTimeout + TimeSpan.FromSeconds(1);
        Figures.Fault(new FaultRow(operation.Provider, operation.SpecOperationId, fault.ToString(), outcome, requests.Count, stopwatch.ElapsedMilliseconds, held));
        var cell = $"{Figures.Abbreviate(outcome)} {requests.Count}";

        Assert.Multiple(() =>
        {
            Assert.That(error, Is.Null.Or.InstanceOf<ContactsException>(), $"only ContactsException may reach the caller: {error}");
            Assert.That(outcome, Does.StartWith(expected.Outcome), $"{error}");
            Assert.That(requests, Has.Count.EqualTo(expected.Requests), "requests the server received");
            Assert.That(stopwatch.Elapsed, Is.LessThanOrEqualTo(options.OverallTimeout + TimeSpan.FromSeconds(1)), "ended within the overall timeout");
            Assert.That(violations, Is.Empty, "credentials only where the spec puts them");
            Assert.That(cell, Is.EqualTo(DocumentedFaultMatrix.Cell(operationKey, fault)), "this case's cell in docs/RELIABILITY.md's fault matrix");
            if (error is ContactsException contacts)
            {
                Assert.That(contacts.Provider, Is.EqualTo(operation.Provider));
                Assert.That(contacts.IsRetryable, Is.EqualTo(expected.Outcome != Unknown), "every fault here may pass, but a write not safe to repeat must not be sent again");
                Assert.That(contacts.Status, Is.EqualTo(expected.Status), "HTTP status");
                if (fault is FaultKind.TooManyRequests)
                {
                    Assert.That(contacts.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(1)), "Retry-After");
                }
            }
        });
    }

    private const string Unknown = nameof(ContactsErrorKind.OutcomeUnknown);

    private sealed record Expectation(string Outcome, int Requests, int? Status = null);

    /// <summary>What the retry rules and docs/ERRORS.md say each case must end in.</summary>
    private static Expectation Expect(FacadeOperation operation, FaultKind fault)
    {
        var attempts = MaxRetries + 1;
        // A non-idempotent call is sent once after a failure that may have reached the provider, and says that
        // whether it was carried out is unknown (docs/ERRORS.md).
        Expectation Ambiguous(string kind, int? status = null) => operation.Idempotent ? new(kind, attempts, status) : new(Unknown, 1, status);
        return fault switch
        {
            FaultKind.ConnectionReset or FaultKind.RandomDataThenClose or FaultKind.DelayBeyondAttemptTimeout => Ambiguous("Transport"),
            // .NET's SocketsHttpHandler itself resends a request without a body (GET, body-less DELETE) up to three
            // times when the server closes the connection without answering; a request with a body, as every
            // non-idempotent one is, is never resent by it.
            FaultKind.EmptyResponse => operation.SendsBody ? Ambiguous("Transport") : new("Transport", attempts * SocketsHandlerSendsOnEmptyAnswer),
            // The 200 status line arrives; an operation that documents no success body does not read the garbage after it.
            FaultKind.MalformedResponseChunk => operation.ReadsSuccessBody ? Ambiguous("Transport") : new("Success", 1),
            FaultKind.DelayBeyondOverallTimeout => operation.Idempotent ? new("Transport", 1) : new(Unknown, 1),
            // 429 says the request was not processed: every operation retries it.
            FaultKind.TooManyRequests => new("RetryLater", attempts, 429),
            FaultKind.Status500 => Ambiguous("ProviderError", 500),
            FaultKind.Status502 => Ambiguous("ProviderError", 502),
            FaultKind.Status503 => Ambiguous("ProviderError", 503),
            FaultKind.ResetTwiceThenSuccess or FaultKind.DelayTwiceThenSuccess or FaultKind.EmptyTwiceThenSuccess =>
                operation.Idempotent ? new("Success after retry", FaultColumns.FailuresBeforeSuccess + 1) : new(Unknown, 1),
            FaultKind.Status503TwiceThenSuccess =>
                operation.Idempotent ? new("Success after retry", FaultColumns.FailuresBeforeSuccess + 1) : new(Unknown, 1, 503),
            FaultKind.TooManyRequestsTwiceThenSuccess => new("Success after retry", FaultColumns.FailuresBeforeSuccess + 1),
            _ => throw new ArgumentOutOfRangeException(nameof(fault)),
        };
    }
}
