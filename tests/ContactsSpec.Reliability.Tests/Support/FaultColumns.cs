using System.Diagnostics;
using ContactsSpec.Conformance.Hosting;
using ContactsSpec.Conformance.Stubs;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace ContactsSpec.Reliability.Tests.Support;

/// <summary>
/// How each fault-matrix column is produced for one case, and where its requests are counted. The matrix
/// (<see cref="FaultMatrixTests"/>) and the transport check of every column (<see cref="FaultColumnTransportTests"/>)
/// arm their cases through here, so that what the check sees on the wire is what the matrix meets.
/// </summary>
internal static class FaultColumns
{
    /// <summary>Failures before the success answer in the "…TwiceThenSuccess" columns.</summary>
    public const int FailuresBeforeSuccess = 2;

    /// <summary>How long the delayed answers wait.</summary>
    public const int DelayMs = 2500;

    private static readonly TimeSpan _settle = TimeSpan.FromMilliseconds(400);
    private static readonly TimeSpan _logWait = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan _poll = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// Whether the column is played by the faulting listener. Every fault that breaks the connection is: WireMock.Net's
    /// own faults (EMPTY_RESPONSE, MALFORMED_RESPONSE_CHUNK) are HTTP 200 answers with an empty or garbled but
    /// well-framed body, none of them the fault these columns name. So is <see cref="FaultKind.DelayTwiceThenSuccess"/>:
    /// a WireMock.Net scenario moves to its next state only once the delayed answer has been sent, so a client that
    /// gave up after its attempt timeout and asks again meets the first delayed stub again, for ever.
    /// </summary>
    public static bool ByListener(FaultKind fault) => fault is FaultKind.ConnectionReset or FaultKind.EmptyResponse or FaultKind.MalformedResponseChunk
        or FaultKind.RandomDataThenClose or FaultKind.ResetTwiceThenSuccess or FaultKind.EmptyTwiceThenSuccess or FaultKind.DelayTwiceThenSuccess;

    /// <summary>Whether WireMock holds the column's answers back (it logs such a request only once it has answered).</summary>
    public static bool Delayed(FaultKind fault) =>
        fault is FaultKind.DelayBeyondAttemptTimeout or FaultKind.DelayBeyondOverallTimeout or FaultKind.DelayTwiceThenSuccess;

    /// <summary>
    /// Sets up <paramref name="fault"/> for the requests of <paramref name="operation"/> tagged <paramref name="tag"/>:
    /// a script of the faulting listener or WireMock stubs (added to <paramref name="stubs"/>, which the caller removes
    /// once the case is over). Returns the server root the client must be given.
    /// </summary>
    public static Uri Arm(FacadeOperation operation, FaultKind fault, string tag, WireMockStubSet stubs)
    {
        var answer = ReliabilityRun.SuccessAnswers[operation.ToString()];
        if (ByListener(fault))
        {
            ListenerAction[] actions = fault switch
            {
                FaultKind.ConnectionReset => [ListenerAction.Reset],
                FaultKind.EmptyResponse => [ListenerAction.CloseEmpty],
                FaultKind.MalformedResponseChunk => [ListenerAction.MalformedChunk],
                FaultKind.RandomDataThenClose => [ListenerAction.RandomDataThenClose],
                FaultKind.ResetTwiceThenSuccess => [.. Enumerable.Repeat(ListenerAction.Reset, FailuresBeforeSuccess), ListenerAction.Answer],
                FaultKind.EmptyTwiceThenSuccess => [.. Enumerable.Repeat(ListenerAction.CloseEmpty, FailuresBeforeSuccess), ListenerAction.Answer],
                FaultKind.DelayTwiceThenSuccess => [.. Enumerable.Repeat(ListenerAction.DelayedAnswer, FailuresBeforeSuccess), ListenerAction.Answer],
                _ => throw new ArgumentOutOfRangeException(nameof(fault)),
            };
            ReliabilityRun.Faults.Script(tag, new ListenerScript(
                operation.Method, operation.PathPattern, actions, new ListenerAnswer(answer.Status, answer.MediaType, answer.Body), TimeSpan.FromMilliseconds(DelayMs)));
            return ReliabilityRun.Faults.BaseUri;
        }

        IRequestBuilder Match() => Request.Create()
            .UsingMethod(operation.Method)
            .WithPath(new RegexMatcher("^" + operation.PathPattern + "$"))
            .WithHeader(ConformanceHeaders.CaseId, new ExactMatcher(tag));
        IResponseBuilder Success(int? delayMs = null)
        {
            var response = Response.Create().WithStatusCode(answer.Status);
            if (answer.Body is not null)
            {
                response.WithHeader("Content-Type", answer.MediaType ?? "application/json").WithBody(answer.Body);
            }

            if (delayMs is { } delay)
            {
                response.WithDelay(TimeSpan.FromMilliseconds(delay));
            }

            return response;
        }

        IResponseBuilder Status(int status) => status switch
        {
            429 => Response.Create().WithStatusCode(429).WithHeader("Retry-After", "1"),
            502 => Response.Create().WithStatusCode(502).WithHeader("Content-Type", "text/html")
                .WithBody("<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>"),
            _ => Response.Create().WithStatusCode(status).WithHeader("Content-Type", "text/plain").WithBody("upstream failure"),
        };
        void Always(IResponseBuilder response) => stubs.Given(Match()).WithTitle(tag).RespondWith(response);
        void TwiceThenSuccess(Func<IResponseBuilder> failure)
        {
            // A scenario per case: failed-1, failed-2, then the success answer, which keeps its state so that it
            // goes on answering (a final stub without a next state would send the scenario back to its start).
            for (var index = 0; index < FailuresBeforeSuccess; index++)
            {
                var stub = stubs.Given(Match()).WithTitle(tag).InScenario(tag);
                (index == 0 ? stub : stub.WhenStateIs($"failed-{index}")).WillSetStateTo($"failed-{index + 1}").RespondWith(failure());
            }

            var done = $"failed-{FailuresBeforeSuccess}";
            stubs.Given(Match()).WithTitle(tag).InScenario(tag).WhenStateIs(done).WillSetStateTo(done).RespondWith(Success());
        }

        switch (fault)
        {
            case FaultKind.DelayBeyondAttemptTimeout or FaultKind.DelayBeyondOverallTimeout:
                Always(Success(DelayMs));
                break;
            case FaultKind.TooManyRequests:
                Always(Status(429));
                break;
            case FaultKind.Status500:
                Always(Status(500));
                break;
            case FaultKind.Status502:
                Always(Status(502));
                break;
            case FaultKind.Status503:
                Always(Status(503));
                break;
            case FaultKind.Status503TwiceThenSuccess:
                TwiceThenSuccess(() => Status(503));
                break;
            case FaultKind.TooManyRequestsTwiceThenSuccess:
                TwiceThenSuccess(() => Status(429));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(fault));
        }

        return ReliabilityRun.Server.BaseUri();
    }

    /// <summary>
    /// The requests tagged <paramref name="tag"/> that the server of <paramref name="fault"/> received: the faulting
    /// listener records a request as soon as it has read it; WireMock logs one only after answering it, a delayed one
    /// <see cref="DelayMs"/> after it arrived, so its log is polled for the <paramref name="expected"/> count. With
    /// <paramref name="waitForStragglers"/>, the requests are read once more after a pause (longer by the delay for a
    /// delayed column), so that a late duplicate is counted too.
    /// </summary>
    public static async Task<IReadOnlyList<RecordedRequest>> RequestsAsync(FaultKind fault, string tag, int expected, bool waitForStragglers)
    {
        var lag = !ByListener(fault) && Delayed(fault) ? TimeSpan.FromMilliseconds(DelayMs) : TimeSpan.Zero;
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var requests = ByListener(fault)
                ? ReliabilityRun.Faults.Requests(tag)
                : [.. ReliabilityRun.Server.EntriesFor(tag).Select(entry => RecordedRequest.From(entry.RequestMessage))];
            var complete = requests.Count >= expected || waited.Elapsed >= _logWait + lag;
            if (complete && (!waitForStragglers || waited.Elapsed >= _settle + lag))
            {
                return requests;
            }

            await Task.Delay(_poll);
        }
    }
}
