using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ContactsSpec.Conformance.Hosting;
using ContactsSpec.Conformance.Stubs;
using ContactsSpec.Reliability.Tests.Support;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace ContactsSpec.Reliability.Tests;

/// <summary>
/// What each fault-matrix column does on the wire, seen by a plain <see cref="HttpClient"/> (and, for the faults that
/// break the connection, by a raw socket), with no facade in between: the case is armed exactly as the matrix arms
/// it (<see cref="FaultColumns.Arm"/>), so a column cannot quietly become another fault. The relay that the batch
/// runs use is checked the same way: a WireMock stub's fault directive must reach the client as that fault.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class FaultColumnTransportTests
{
    private static readonly TimeSpan _clientTimeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan _timerSlack = TimeSpan.FromMilliseconds(20);

    // One operation for every column: a POST with a JSON body whose success body is read. A request with a body is
    // never resent by SocketsHttpHandler, so each call below is exactly one request on the server.
    private static FacadeOperation Operation => ProviderCatalog.Operations.Single(operation => operation.ToString() == "wazzup-v2/createContacts");

    private static SuccessAnswer Success => ReliabilityRun.SuccessAnswers[Operation.ToString()];

    public static IEnumerable<FaultKind> Columns() => Enum.GetValues<FaultKind>();

    public static IEnumerable<FaultKind> ConnectionFaults() =>
        [FaultKind.ConnectionReset, FaultKind.EmptyResponse, FaultKind.MalformedResponseChunk, FaultKind.RandomDataThenClose];

    [TestCaseSource(nameof(Columns))]
    public async Task Each_column_is_the_fault_its_name_says(FaultKind fault)
    {
        var tag = $"transport/{fault}/{Guid.NewGuid():N}";
        using var stubs = new WireMockStubSet(ReliabilityRun.Server);
        var root = FaultColumns.Arm(Operation, fault, tag, stubs);
        var twice = fault.ToString().EndsWith("TwiceThenSuccess", StringComparison.Ordinal);
        using var client = PlainClient();
        var seen = new List<Observation>();
        for (var call = 0; call < (twice ? FaultColumns.FailuresBeforeSuccess + 1 : 1); call++)
        {
            seen.Add(await SendAsync(client, root, tag));
        }

        var requests = await FaultColumns.RequestsAsync(fault, tag, seen.Count, waitForStragglers: true);
        Assert.Multiple(() =>
        {
            Assert.That(requests, Has.Count.EqualTo(seen.Count), "one request on the server per call");
            Assert.That(root, Is.EqualTo(FaultColumns.ByListener(fault) ? ReliabilityRun.Faults.BaseUri : ReliabilityRun.Server.BaseUri()),
                "served by the faulting listener or by WireMock, as FaultColumns documents");
            switch (fault)
            {
                case FaultKind.ConnectionReset:
                    AssertReset(seen[0]);
                    break;
                case FaultKind.EmptyResponse:
                    AssertEmpty(seen[0]);
                    break;
                case FaultKind.MalformedResponseChunk:
                    AssertMalformedChunk(seen[0]);
                    break;
                case FaultKind.RandomDataThenClose:
                    AssertInvalidResponse(seen[0]);
                    break;
                case FaultKind.DelayBeyondAttemptTimeout or FaultKind.DelayBeyondOverallTimeout:
                    AssertSuccess(seen[0]);
                    AssertDelayed(seen[0]);
                    break;
                case FaultKind.TooManyRequests:
                    AssertTooManyRequests(seen[0]);
                    break;
                case FaultKind.Status500:
                    AssertStatus(seen[0], 500, "text/plain");
                    break;
                case FaultKind.Status502:
                    AssertStatus(seen[0], 502, "text/html");
                    break;
                case FaultKind.Status503:
                    AssertStatus(seen[0], 503, "text/plain");
                    break;
                case FaultKind.ResetTwiceThenSuccess:
                    seen.Take(2).ToList().ForEach(AssertReset);
                    AssertSuccess(seen[2]);
                    break;
                case FaultKind.Status503TwiceThenSuccess:
                    seen.Take(2).ToList().ForEach(observation => AssertStatus(observation, 503, "text/plain"));
                    AssertSuccess(seen[2]);
                    break;
                case FaultKind.DelayTwiceThenSuccess:
                    seen.Take(2).ToList().ForEach(AssertDelayed);
                    seen.ForEach(AssertSuccess);
                    Assert.That(seen[2].Elapsed, Is.LessThan(TimeSpan.FromMilliseconds(FaultColumns.DelayMs)), "the third answer is not delayed");
                    break;
                case FaultKind.TooManyRequestsTwiceThenSuccess:
                    seen.Take(2).ToList().ForEach(AssertTooManyRequests);
                    AssertSuccess(seen[2]);
                    break;
                case FaultKind.EmptyTwiceThenSuccess:
                    seen.Take(2).ToList().ForEach(AssertEmpty);
                    AssertSuccess(seen[2]);
                    break;
                default:
                    Assert.Fail($"No transport check for {fault}: every column needs one.");
                    break;
            }
        });
    }

    [TestCaseSource(nameof(ConnectionFaults))]
    public async Task The_connection_faults_look_so_on_a_raw_socket(FaultKind fault)
    {
        var tag = $"transport-raw/{fault}/{Guid.NewGuid():N}";
        using var stubs = new WireMockStubSet(ReliabilityRun.Server);
        var root = FaultColumns.Arm(Operation, fault, tag, stubs);
        Assert.That(root, Is.EqualTo(ReliabilityRun.Faults.BaseUri), "a fault that breaks the connection is the listener's");
        var (received, reset) = await RawExchangeAsync(root, tag);
        var text = Encoding.Latin1.GetString(received);
        Assert.Multiple(() =>
        {
            switch (fault)
            {
                case FaultKind.ConnectionReset:
                    Assert.That(reset, Is.True, "ended by RST (connection reset by peer)");
                    Assert.That(received, Is.Empty, "nothing before the reset");
                    break;
                case FaultKind.EmptyResponse:
                    Assert.That(reset, Is.False, "an orderly close, not a reset");
                    Assert.That(received, Is.Empty, "not a byte of answer");
                    break;
                case FaultKind.MalformedResponseChunk:
                    Assert.That(reset, Is.False, "closed after the garbage");
                    Assert.That(text, Does.StartWith("HTTP/1.1 200 "), "a 200 status line first");
                    Assert.That(text, Does.Contain("\r\nTransfer-Encoding: chunked\r\n"), "announcing a chunked body");
                    var body = text[(text.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];
                    var sizeLine = body.Split("\r\n", 2)[0];
                    Assert.That(sizeLine.Length > 0 && sizeLine.All(Uri.IsHexDigit), Is.False, $"then no valid chunk size: '{sizeLine}'");
                    break;
                case FaultKind.RandomDataThenClose:
                    Assert.That(reset, Is.False, "closed after the data");
                    Assert.That(received, Has.Length.GreaterThan(0), "some data");
                    Assert.That(text, Does.Not.StartWith("HTTP/"), "which is no HTTP answer");
                    break;
                default:
                    Assert.Fail($"{fault} does not break the connection.");
                    break;
            }
        });
        Assert.That(ReliabilityRun.Faults.Requests(tag), Has.Count.EqualTo(1), "the listener read the request whole before its fault");
    }

    [TestCase(ListenerAction.Reset)]
    [TestCase(ListenerAction.CloseEmpty)]
    [TestCase(ListenerAction.RandomDataThenClose)]
    [TestCase(ListenerAction.MalformedChunk)]
    public async Task A_relayed_fault_directive_reaches_the_client_as_that_fault(ListenerAction action)
    {
        var tag = $"transport-relay/{action}/{Guid.NewGuid():N}";
        using var stubs = new WireMockStubSet(ReliabilityRun.Server);
        stubs
            .Given(Request.Create().UsingMethod("POST").WithPath(new RegexMatcher("^/v2/contacts$")).WithHeader(ConformanceHeaders.CaseId, new ExactMatcher(tag)))
            .WithTitle(tag)
            .RespondWith(Response.Create()
                .WithStatusCode(FaultingListener.FaultDirectiveStatus)
                .WithHeader(FaultingListener.FaultHeader, action.ToString()));
        using var client = PlainClient();
        var seen = await SendAsync(client, ReliabilityRun.Faults.BaseUri, tag);
        var logged = await ReliabilityRun.Server.WaitForAsync(tag, 1, TimeSpan.FromSeconds(5));
        Assert.Multiple(() =>
        {
            Assert.That(seen.Status, Is.Not.EqualTo(FaultingListener.FaultDirectiveStatus), "the directive itself never reaches the client");
            switch (action)
            {
                case ListenerAction.Reset:
                    AssertReset(seen);
                    break;
                case ListenerAction.CloseEmpty:
                    AssertEmpty(seen);
                    break;
                case ListenerAction.RandomDataThenClose:
                    AssertInvalidResponse(seen);
                    break;
                default:
                    AssertMalformedChunk(seen);
                    break;
            }

            Assert.That(logged.Select(entry => entry.MappingTitle), Is.EqualTo(new[] { tag }), "WireMock chose the fault and logged the request once");
            Assert.That(ReliabilityRun.Faults.Requests(tag), Has.Count.EqualTo(1), "the listener read it once");
        });
    }

    [Test]
    public async Task The_relay_passes_WireMocks_answer_on_unchanged()
    {
        var tag = $"transport-relay/answer/{Guid.NewGuid():N}";
        using var stubs = new WireMockStubSet(ReliabilityRun.Server);
        stubs
            .Given(Request.Create().UsingMethod("POST").WithPath(new RegexMatcher("^/v2/contacts$")).WithHeader(ConformanceHeaders.CaseId, new ExactMatcher(tag))
                .WithBody(new JsonPathMatcher("$.contacts")))
            .WithTitle(tag)
            .RespondWith(Response.Create().WithStatusCode(207).WithHeader("Content-Type", "application/json").WithHeader("Retry-After", "3").WithBody("""{"relayed":"é"}"""));
        using var client = PlainClient();
        var seen = await SendAsync(client, ReliabilityRun.Faults.BaseUri, tag);
        var logged = RecordedRequest.From((await ReliabilityRun.Server.WaitForAsync(tag, 1, TimeSpan.FromSeconds(5))).Single().RequestMessage);
        Assert.Multiple(() =>
        {
            Assert.That(seen.Status, Is.EqualTo(207));
            Assert.That(seen.ContentType, Is.EqualTo("application/json"));
            Assert.That(seen.RetryAfter, Is.EqualTo("3"));
            Assert.That(seen.Body, Is.EqualTo(Encoding.UTF8.GetBytes("""{"relayed":"é"}""")));
            Assert.That(logged.Path, Is.EqualTo("/v2/contacts"));
            Assert.That(logged.Body, Is.EqualTo(Encoding.UTF8.GetBytes(RequestBody)), "WireMock got the body as sent");
            Assert.That(logged.Header("Content-Type"), Does.StartWith("application/json"));
        });
    }

    private const string RequestBody = """{"contacts":[{"id":"transport-1","responsible_user_id":"7","name":"Ivan Petrov"}]}""";

    /// <summary>What one call got: a status (or the send's error), the answer's headers and body (or the body read's error), and how long it took.</summary>
    private sealed record Observation(int? Status, string? ContentType, string? RetryAfter, byte[]? Body, Exception? SendError, Exception? BodyError, TimeSpan Elapsed);

    private static HttpClient PlainClient() => new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false }) { Timeout = _clientTimeout };

    private static async Task<Observation> SendAsync(HttpClient client, Uri root, string tag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(root, "v2/contacts"))
        {
            Content = new StringContent(RequestBody, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(ConformanceHeaders.CaseId, tag);
        var stopwatch = Stopwatch.StartNew();
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        }
        catch (HttpRequestException error)
        {
            return new Observation(null, null, null, null, error, null, stopwatch.Elapsed);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var contentType = response.Content.Headers.ContentType?.MediaType;
            var retryAfter = response.Headers.TryGetValues("Retry-After", out var values) ? values.Single() : null;
            try
            {
                var body = await response.Content.ReadAsByteArrayAsync();
                return new Observation(status, contentType, retryAfter, body, null, null, stopwatch.Elapsed);
            }
            catch (Exception error) when (error is HttpRequestException or IOException)
            {
                return new Observation(status, contentType, retryAfter, null, null, error, stopwatch.Elapsed);
            }
        }
    }

    // Sends the request on a raw socket and reads until the server closes: the bytes received, and whether the end was a reset.
    private static async Task<(byte[] Received, bool Reset)> RawExchangeAsync(Uri root, string tag)
    {
        using var timeout = new CancellationTokenSource(_clientTimeout);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, root.Port), timeout.Token);
        var body = Encoding.UTF8.GetBytes(RequestBody);
        var head = $"POST /v2/contacts HTTP/1.1\r\nHost: {root.Authority}\r\n{ConformanceHeaders.CaseId}: {tag}\r\n"
            + $"Content-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n";
        await socket.SendAsync(Encoding.ASCII.GetBytes(head).Concat(body).ToArray(), SocketFlags.None, timeout.Token);
        var received = new MemoryStream();
        var buffer = new byte[4096];
        while (received.Length < 1024 * 1024)
        {
            int read;
            try
            {
                read = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
            }
            catch (SocketException error) when (error.SocketErrorCode == SocketError.ConnectionReset)
            {
                return (received.ToArray(), true);
            }

            if (read == 0)
            {
                return (received.ToArray(), false);
            }

            received.Write(buffer, 0, read);
        }

        throw new AssertionException("The server sent more than 1 MiB without closing.");
    }

    private static IEnumerable<Exception> Chain(Exception? error)
    {
        for (var current = error; current is not null; current = current.InnerException)
        {
            yield return current;
        }
    }

    private static void AssertReset(Observation seen)
    {
        Assert.That(seen.Status, Is.Null, "no status: the connection was reset");
        Assert.That(seen.SendError, Is.InstanceOf<HttpRequestException>());
        Assert.That(Chain(seen.SendError).OfType<SocketException>().Select(error => error.SocketErrorCode), Does.Contain(SocketError.ConnectionReset),
            $"a connection reset inside: {seen.SendError}");
    }

    private static void AssertEmpty(Observation seen)
    {
        Assert.That(seen.Status, Is.Null, "no status: nothing was sent");
        Assert.That(seen.SendError, Is.InstanceOf<HttpRequestException>());
        Assert.That((seen.SendError as HttpRequestException)?.HttpRequestError, Is.EqualTo(HttpRequestError.ResponseEnded), $"the response ended prematurely: {seen.SendError}");
        Assert.That(Chain(seen.SendError).OfType<SocketException>(), Is.Empty, "an orderly close, no socket error");
    }

    private static void AssertInvalidResponse(Observation seen)
    {
        Assert.That(seen.Status, Is.Null, "no status: what came is no HTTP answer");
        Assert.That(seen.SendError, Is.InstanceOf<HttpRequestException>());
        Assert.That((seen.SendError as HttpRequestException)?.HttpRequestError, Is.EqualTo(HttpRequestError.InvalidResponse), $"an invalid response: {seen.SendError}");
    }

    private static void AssertMalformedChunk(Observation seen)
    {
        Assert.That(seen.Status, Is.EqualTo(200), "the 200 status line arrived");
        Assert.That(seen.SendError, Is.Null);
        Assert.That(seen.BodyError, Is.Not.Null, "and reading the body failed");
        Assert.That(Chain(seen.BodyError).OfType<HttpIOException>().Select(error => error.HttpRequestError),
            Has.Some.Matches<HttpRequestError>(error => error is HttpRequestError.InvalidResponse or HttpRequestError.ResponseEnded), $"on the chunked framing: {seen.BodyError}");
    }

    private static void AssertSuccess(Observation seen)
    {
        Assert.That(seen.Status, Is.EqualTo(Success.Status), $"the documented success status ({seen.SendError ?? seen.BodyError})");
        Assert.That(seen.Body, Is.EqualTo(Success.Body is null ? [] : Encoding.UTF8.GetBytes(Success.Body)), "the documented success body");
    }

    // Task.Delay (WireMock.Net's WithDelay) may end a millisecond or so before a Stopwatch says the time is up.
    private static void AssertDelayed(Observation seen) =>
        Assert.That(seen.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(FaultColumns.DelayMs) - _timerSlack), "the answer waited at least the delay");

    private static void AssertTooManyRequests(Observation seen)
    {
        Assert.That(seen.Status, Is.EqualTo(429));
        Assert.That(seen.RetryAfter, Is.EqualTo("1"), "Retry-After: 1");
    }

    private static void AssertStatus(Observation seen, int status, string mediaType)
    {
        Assert.That(seen.Status, Is.EqualTo(status));
        Assert.That(seen.ContentType, Is.EqualTo(mediaType));
        Assert.That(seen.Body, Is.Not.Empty, "with a body");
    }
}
