using System;
using PasswordSafe.Internal;
using Xunit;

namespace PasswordSafe.UnitTests.Module;

/// <summary>The runtime facts the compatibility decisions take, read from what each runtime says of itself.</summary>
public class ClrRuntimeTests
{
    [Theory]
    [InlineData(".NET Framework 4.8.4645.0", "4.0.30319.42000", true, 4)]       // Windows PowerShell 5.1
    [InlineData(".NET Framework 4.7.3190.0", "4.0.30319.42000", true, 4)]
    [InlineData(".NET Core 3.1.32", "3.1.32", false, 3)]                       // PowerShell 7.0
    [InlineData(".NET 5.0.17", "5.0.17", false, 5)]                            // PowerShell 7.1
    [InlineData(".NET 6.0.36", "6.0.36", false, 6)]                            // PowerShell 7.2
    [InlineData(".NET 10.0.1", "10.0.1", false, 10)]                           // PowerShell 7.6
    public void Detect_ReadsFrameworkAndMajorVersion(string description, string version, bool isFramework, int major)
    {
        var runtime = ClrRuntime.Detect(description, Version.Parse(version), isWindows: true);

        Assert.Equal(isFramework, runtime.IsNetFramework);
        Assert.Equal(major, runtime.MajorVersion);
        Assert.True(runtime.IsWindows);
    }

    [Fact]
    public void Current_IsTheRuntimeTheseTestsRunOn()
    {
        Assert.False(ClrRuntime.Current.IsNetFramework);
        Assert.Equal(Environment.Version.Major, ClrRuntime.Current.MajorVersion);
        Assert.Equal(OperatingSystem.IsWindows(), ClrRuntime.Current.IsWindows);
    }

    [Fact]
    public void IsCoreBefore_IsNeverTrueOnTheFramework()
    {
        Assert.False(new ClrRuntime(true, 4, true).IsCoreBefore(6));
        Assert.True(new ClrRuntime(false, 5, true).IsCoreBefore(6));
        Assert.False(new ClrRuntime(false, 6, false).IsCoreBefore(6));
    }
}
