using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ContactsSpec.Conformance.Hosting;
using ContactsSpec.Conformance.Specs;

namespace ContactsSpec.Conformance.Hosting.Tests;

public sealed class WireMockServerLifecycleTests
{
    [Test]
    public async Task Starts_answers_health_and_leaves_nothing_behind_after_dispose()
    {
        var options = WireMockServerOptions.ForRepository(SpecCatalog.FindRepositoryRoot());
        var server = await WireMockServer.StartAsync(options);
        int pid;
        int port;
        try
        {
            pid = server.ProcessId;
            port = server.BaseUri.Port;
            Assert.That(server.BaseUri.Host, Is.EqualTo("127.0.0.1"));
            using var http = new HttpClient();
            using var health = await http.GetAsync(new Uri(server.BaseUri, "__admin/health"));
            Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await health.Content.ReadAsStringAsync(), Does.Contain("3.13.2"));
            using (var running = Process.GetProcessById(pid))
            {
                Assert.That(running.HasExited, Is.False);
            }
        }
        finally
        {
            await server.DisposeAsync();
        }

        await server.DisposeAsync();

        Assert.That(ProcessIsGone(pid), Is.True, $"process {pid} is still running after DisposeAsync");
        using var client = new TcpClient();
        var refused = Assert.ThrowsAsync<SocketException>(() => client.ConnectAsync(IPAddress.Loopback, port));
        Assert.That(refused!.SocketErrorCode, Is.EqualTo(SocketError.ConnectionRefused));
        Assert.That(File.ReadAllText(server.LogPath), Does.Contain($"pid {pid}"), "the log is kept after dispose");
        File.Delete(server.LogPath);
    }

    internal static bool ProcessIsGone(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }
}
