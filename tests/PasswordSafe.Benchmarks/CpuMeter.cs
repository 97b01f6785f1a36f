using System;
using System.Diagnostics;

namespace PasswordSafe.Benchmarks;

/// <summary>
/// CPU time used by this process (client side: module or plain) and by the emulator process during a measurement.
/// On a 2-core machine both compete for the same cores, so CPU per operation explains throughput better than wall time.
/// </summary>
internal sealed class CpuMeter
{
    private readonly EmulatorProcess _emulator;
    private readonly TimeSpan _clientBefore;
    private readonly TimeSpan _emulatorBefore;

    private CpuMeter(EmulatorProcess emulator)
    {
        _emulator = emulator;
        _clientBefore = ClientCpu();
        _emulatorBefore = emulator.CpuTime;
    }

    public static CpuMeter Start(EmulatorProcess emulator) => new(emulator);

    public CpuUse Stop() => new((ClientCpu() - _clientBefore).TotalMilliseconds, (_emulator.CpuTime - _emulatorBefore).TotalMilliseconds);

    private static TimeSpan ClientCpu()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }
}
