using System;
using System.Diagnostics;
using System.IO;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace PasswordSafe.Benchmarks;

/// <summary>
/// The emulator as a separate process (<c>dotnet PasswordSafe.Emulator.dll --port 0 --generate-accounts N</c>), so its
/// allocations and GC pauses never show up in the module's memory column. Its start banner tells the port, the
/// certificate thumbprint to pin and the demo key of registration 1.
/// </summary>
internal sealed class EmulatorProcess : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly Regex ListeningLine = new(@"listening on (https://\S+)", RegexOptions.CultureInvariant);
    private static readonly Regex ThumbprintLine = new(@"thumbprint ([0-9A-Fa-f]{40})", RegexOptions.CultureInvariant);
    private static readonly Regex KeyLine = new(@"^\s*key: ([A-Za-z0-9-]+)\s*$", RegexOptions.CultureInvariant);

    private readonly Process _process;

    private EmulatorProcess(Process process, Uri rootUri, string thumbprint, string apiKey)
    {
        _process = process;
        RootUri = rootUri;
        Thumbprint = thumbprint;
        ApiKey = apiKey;
    }

    public Uri RootUri { get; }

    public Uri BaseUri => new(RootUri, "BeyondTrust/api/public/v3/");

    public string Thumbprint { get; }

    /// <summary>The published demo key of registration 1 (MFA off), as the banner prints it.</summary>
    public string ApiKey { get; }

    public int ProcessId => _process.Id;

    public static string AssemblyPath
    {
        get
        {
            foreach (var attribute in typeof(EmulatorProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>())
            {
                if (attribute.Key == "EmulatorAssembly" && attribute.Value != null) return Path.GetFullPath(attribute.Value);
            }

            throw new InvalidOperationException("The EmulatorAssembly metadata is missing from the benchmark assembly; rebuild the project.");
        }
    }

    public static async Task<EmulatorProcess> StartAsync(int generatedAccounts, int responseDelayMilliseconds = 0)
    {
        var dll = AssemblyPath;
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"The emulator is not built at {dll}. Run the benchmark with dotnet run, which builds it first.", dll);
        }

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Idle thread-pool threads spin before they sleep; on a 2-core machine that spinning takes CPU from the side
        // being measured (like a server on another machine would not), so the emulator does not spin.
        start.Environment["DOTNET_ThreadPool_UnfairSemaphoreSpinLimit"] = "0";
        foreach (var argument in new[]
        {
            dll, "--port", "0", "--generate-accounts", generatedAccounts.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--response-delay-ms", responseDelayMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not start the emulator.");
        Uri? root = null;
        string? thumbprint = null;
        string? key = null;
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var inFirstRegistration = false;
        var errors = new System.Text.StringBuilder();

        // Keep draining both pipes for the whole run: a full pipe would stall the emulator mid-benchmark.
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data == null || ready.Task.IsCompleted) return;
            var line = e.Data;
            if (ListeningLine.Match(line) is { Success: true } listening) root = new Uri(listening.Groups[1].Value);
            if (ThumbprintLine.Match(line) is { Success: true } print) thumbprint = print.Groups[1].Value;
            if (line.TrimStart().StartsWith("[1]", StringComparison.Ordinal)) inFirstRegistration = true;
            else if (inFirstRegistration && KeyLine.Match(line) is { Success: true } keyMatch)
            {
                key = keyMatch.Groups[1].Value;
                inFirstRegistration = false;
            }

            if (root != null && thumbprint != null && key != null) ready.TrySetResult();
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data != null && errors.Length < 4000) errors.AppendLine(e.Data);
        };
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException(
            "The emulator exited during start: " + errors.ToString().Trim()));
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var emulator = new EmulatorProcess(process, new Uri("https://127.0.0.1/"), string.Empty, string.Empty);
        try
        {
            await ready.Task.WaitAsync(StartTimeout).ConfigureAwait(false);
        }
        catch
        {
            // Never leave a half-started emulator behind.
            emulator.Dispose();
            throw;
        }

        return new EmulatorProcess(process, root!, thumbprint!, key!);
    }

    /// <summary>CPU time the emulator has used so far (user + system).</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>The emulator's peak resident memory, read before it is killed (informational).</summary>
    public long PeakWorkingSetBytes
    {
        get
        {
            try
            {
                _process.Refresh();
                return _process.PeakWorkingSet64;
            }
            catch (InvalidOperationException)
            {
                return 0;
            }
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
    }
}
