using System.Text.RegularExpressions;
using ContactsSpec.Conformance.Hosting;
using ContactsSpec.Conformance.Specs;

namespace ContactsSpec.Conformance.Hosting.Tests;

public sealed partial class WireMockServerStartFailureTests
{
    private string _scratch = null!;

    [SetUp]
    public void CreateScratch()
    {
        _scratch = Path.Combine(Path.GetTempPath(), "contactsspec-hosting-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_scratch);
    }

    [TearDown]
    public void DeleteScratch() => Directory.Delete(_scratch, recursive: true);

    [Test]
    public void A_missing_jar_says_to_run_npm_ci()
    {
        var jar = Path.Combine(_scratch, "wiremock-standalone-missing.jar");
        var options = new WireMockServerOptions { JarPath = jar };

        var error = Assert.ThrowsAsync<WireMockStartException>(() => WireMockServer.StartAsync(options));

        Assert.That(error!.Message, Does.Contain("npm ci").And.Contain(jar));
    }

    [Test]
    public void A_missing_java_says_Java_17_is_needed()
    {
        var java = Path.Combine(_scratch, "no-such-jdk", "bin", "java");
        var options = new WireMockServerOptions { JarPath = RepositoryOptions().JarPath, JavaPath = java };

        var error = Assert.ThrowsAsync<WireMockStartException>(() => WireMockServer.StartAsync(options));

        Assert.That(error!.Message, Does.Contain("Java 17").And.Contain("JAVA_HOME").And.Contain(java));
    }

    [Test]
    public void A_token_cancelled_before_start_starts_nothing()
    {
        var logPath = Path.Combine(_scratch, "wiremock.log");
        var options = WithScratch(RepositoryOptions(), logPath);

        Assert.ThrowsAsync<OperationCanceledException>(
            () => WireMockServer.StartAsync(options, new CancellationToken(canceled: true)));

        Assert.That(File.Exists(logPath), Is.False, "no process was started, so nothing was logged");
    }

    [Test]
    public void Cancelling_during_startup_kills_the_started_process()
    {
        var logPath = Path.Combine(_scratch, "wiremock.log");
        var options = WithScratch(RepositoryOptions(), logPath);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        Assert.That(
            async () => await WireMockServer.StartAsync(options, cancellation.Token),
            Throws.InstanceOf<OperationCanceledException>());

        var pid = StartedPid(logPath);
        Assert.That(WireMockServerLifecycleTests.ProcessIsGone(pid), Is.True, $"process {pid} outlived the cancelled start");
    }

    [Test]
    public void A_server_not_healthy_in_time_fails_with_the_log_tail_and_is_killed()
    {
        var logPath = Path.Combine(_scratch, "wiremock.log");
        var options = new WireMockServerOptions
        {
            JarPath = RepositoryOptions().JarPath,
            RootDirectory = Path.Combine(_scratch, "root"),
            LogPath = logPath,
            StartupTimeout = TimeSpan.FromMilliseconds(300),
        };

        var error = Assert.ThrowsAsync<WireMockStartException>(() => WireMockServer.StartAsync(options));

        Assert.That(error!.Message, Does.Contain("did not answer").And.Contain("started WireMock"));
        var pid = StartedPid(logPath);
        Assert.That(WireMockServerLifecycleTests.ProcessIsGone(pid), Is.True, $"process {pid} outlived the failed start");
    }

    [Test]
    public void A_process_exiting_during_startup_reports_its_exit_code_and_output()
    {
        var options = new WireMockServerOptions
        {
            JarPath = RepositoryOptions().JarPath,
            RootDirectory = Path.Combine(_scratch, "root"),
            LogPath = Path.Combine(_scratch, "wiremock.log"),
            ExtraArguments = ["--https-port", "not-a-port"],
        };

        var error = Assert.ThrowsAsync<WireMockStartException>(() => WireMockServer.StartAsync(options));

        Assert.That(error!.Message, Does.Match(@"exited with code [1-9]").And.Contain("NumberFormatException"));
    }

    [Test]
    public async Task A_port_lost_to_another_process_is_retried_on_a_new_port()
    {
        var java = FakeJavaFailingToBind(times: 2);
        var options = new WireMockServerOptions
        {
            JarPath = RepositoryOptions().JarPath,
            JavaPath = java,
            RootDirectory = Path.Combine(_scratch, "root"),
            LogPath = Path.Combine(_scratch, "wiremock.log"),
        };

        await using (var server = await WireMockServer.StartAsync(options))
        {
            using var http = new HttpClient();
            using var health = await http.GetAsync(new Uri(server.BaseUri, "__admin/health"));
            Assert.That(health.IsSuccessStatusCode, Is.True);
        }

        Assert.That(File.ReadAllText(java + ".count").Trim(), Is.EqualTo("3"));
        var log = File.ReadAllText(options.LogPath);
        Assert.That(Regex.Count(log, "started WireMock"), Is.EqualTo(3));
        Assert.That(Regex.Count(log, "Failed to bind"), Is.EqualTo(2));
    }

    [Test]
    public void A_port_that_cannot_be_bound_three_times_fails_with_the_bind_error()
    {
        var java = FakeJavaFailingToBind(times: 5);
        var options = new WireMockServerOptions
        {
            JarPath = RepositoryOptions().JarPath,
            JavaPath = java,
            RootDirectory = Path.Combine(_scratch, "root"),
            LogPath = Path.Combine(_scratch, "wiremock.log"),
        };

        var error = Assert.ThrowsAsync<WireMockStartException>(() => WireMockServer.StartAsync(options));

        Assert.That(error!.Message, Does.Contain("exited with code 1").And.Contain("Failed to bind"));
        Assert.That(File.ReadAllText(java + ".count").Trim(), Is.EqualTo("3"));
    }

    // Stands in for java: reports a bind failure the first `times` runs, then runs the real java.
    private string FakeJavaFailingToBind(int times)
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("The fake java is a POSIX shell script.");
            return string.Empty;
        }

        var script = Path.Combine(_scratch, "fake-java");
        File.WriteAllText(script, $$"""
            #!/bin/sh
            count=$(cat "$0.count" 2>/dev/null || echo 0)
            count=$((count + 1))
            echo "$count" > "$0.count"
            if [ "$count" -le {{times}} ]; then
              echo "com.github.tomakehurst.wiremock.common.FatalStartupException: java.io.IOException: Failed to bind to /127.0.0.1:1" >&2
              exit 1
            fi
            exec java "$@"

            """.ReplaceLineEndings("\n"));
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return script;
    }

    private static WireMockServerOptions RepositoryOptions() =>
        WireMockServerOptions.ForRepository(SpecCatalog.FindRepositoryRoot());

    private WireMockServerOptions WithScratch(WireMockServerOptions options, string logPath) => new()
    {
        JarPath = options.JarPath,
        RootDirectory = Path.Combine(_scratch, "root"),
        LogPath = logPath,
    };

    private static int StartedPid(string logPath)
    {
        Assert.That(File.Exists(logPath), Is.True, "the process was never started");
        var match = StartedLine().Match(File.ReadAllText(logPath));
        Assert.That(match.Success, Is.True, "the log names no started pid");
        return int.Parse(match.Groups["pid"].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"started WireMock, pid (?<pid>\d+)")]
    private static partial Regex StartedLine();
}
