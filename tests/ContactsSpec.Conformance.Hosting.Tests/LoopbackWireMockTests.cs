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
    public async Task Serves_on_loopback_only_and_frees_its_port_when_disposed()
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
    public void Servers_started_side_by_side_get_their_own_ports()
    {
        var clock = Stopwatch.StartNew();
        using var first = LoopbackWireMock.Start();
        var firstStart = clock.Elapsed;
        clock.Restart();
        using var second = LoopbackWireMock.Start();
        var secondStart = clock.Elapsed;
        TestContext.Progress.WriteLine($"WireMock.Net start: {firstStart.TotalMilliseconds:0} ms (first in this test), {secondStart.TotalMilliseconds:0} ms (the next)");

        Assert.That(second.BaseUri().Port, Is.Not.EqualTo(first.BaseUri().Port));
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
