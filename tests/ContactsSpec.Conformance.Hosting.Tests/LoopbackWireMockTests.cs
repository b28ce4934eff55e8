using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ContactsSpec.Conformance.Stubs;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace ContactsSpec.Conformance.Hosting.Tests;

public sealed class LoopbackWireMockTests
{
    [Test]
    public async Task Serves_on_127_0_0_1_and_frees_its_port_when_disposed()
    {
        int port;
        using (var server = LoopbackWireMock.Start())
        {
            port = server.BaseUri().Port;
            Assert.That(server.BaseUri().Host, Is.EqualTo("127.0.0.1"));
            new WireMockStub("ping", Request.Create().UsingGet().WithPath("/ping"), Response.Create().WithStatusCode(200).WithBody("pong")).AddTo(server);

            using var http = new HttpClient();
            using var answer = await http.GetAsync(new Uri(server.BaseUri(), "ping"));
            Assert.That(await answer.Content.ReadAsStringAsync(), Is.EqualTo("pong"));
            Assert.That(answer.Headers.GetValues(ConformanceHeaders.MatchedStub), Is.EqualTo(new[] { "ping" }));
        }

        using var client = new TcpClient();
        var refused = Assert.ThrowsAsync<SocketException>(() => client.ConnectAsync(IPAddress.Loopback, port));
        Assert.That(refused!.SocketErrorCode, Is.EqualTo(SocketError.ConnectionRefused));
    }

    [Test]
    public async Task Servers_side_by_side_keep_their_stubs_apart()
    {
        var clock = Stopwatch.StartNew();
        using var first = LoopbackWireMock.Start();
        var firstStart = clock.Elapsed;
        clock.Restart();
        using var second = LoopbackWireMock.Start();
        var secondStart = clock.Elapsed;
        TestContext.Progress.WriteLine($"WireMock.Net start: {firstStart.TotalMilliseconds:0} ms (first in this test), {secondStart.TotalMilliseconds:0} ms (the next)");
        new WireMockStub("only-on-first", Request.Create().UsingGet().WithPath("/here"), Response.Create().WithStatusCode(204)).AddTo(first);

        using var http = new HttpClient();
        using var fromFirst = await http.GetAsync(new Uri(first.BaseUri(), "here"));
        using var fromSecond = await http.GetAsync(new Uri(second.BaseUri(), "here"));

        Assert.That((fromFirst.StatusCode, fromSecond.StatusCode), Is.EqualTo((HttpStatusCode.NoContent, HttpStatusCode.NotFound)));
    }

    [Test]
    public async Task Unmatched_requests_answer_without_the_matched_stub_header()
    {
        using var server = LoopbackWireMock.Start();
        using var http = new HttpClient();

        using var answer = await http.GetAsync(new Uri(server.BaseUri(), "nothing-here"));

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(answer.Headers.Contains(ConformanceHeaders.MatchedStub), Is.False);
    }
}
