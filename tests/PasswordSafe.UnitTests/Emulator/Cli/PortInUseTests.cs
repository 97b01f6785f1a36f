using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using Xunit;

namespace PasswordSafe.UnitTests.Emulator.Cli;

/// <summary>
/// A port in use stops the start with one line that says so and what to do (--port 0 or another port), without the
/// host's stack trace: checked on the real process, where the host's console logging is on, and in process.
/// </summary>
public class PortInUseTests
{
    [Fact]
    public async Task TheEmulatorProcess_OnAPortInUse_SaysSoInOneLine_NoStackTrace_Exit1()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PasswordSafe.Emulator.dll"));
        start.ArgumentList.Add("--port");
        start.ArgumentList.Add(port.ToString());
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, process.ExitCode);
        Assert.Equal(string.Empty, (await output).Trim());
        var text = (await error).Trim();
        Assert.Equal($"The emulator could not start: port {port} on 127.0.0.1 is in use (another emulator, or another program). " +
            "Start with --port 0 to take a free port (the banner and GET /emulator/status say which), or choose another --port.", text);
    }

    [Fact]
    public async Task InProcess_APortInUse_IsTheSameOneLine()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        await using var run = await EmulatorProgramRun.StartAsync("--port", port.ToString());

        Assert.Equal(1, await run.ExitCodeAsync());
        Assert.StartsWith($"The emulator could not start: port {port} on 127.0.0.1 is in use", run.Error);
        Assert.Contains("--port 0", run.Error);
    }
}
