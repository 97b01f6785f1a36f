using System;
using System.IO;
using PasswordSafe.Commands;
using PasswordSafe.Internal;
using Xunit;

namespace PasswordSafe.UnitTests.Module.Checkout;

/// <summary>
/// A new session file over an existing -OutFile must not take on the old file's permissions. On Windows File.Replace
/// copies the replaced file's ACL onto the new one, so there the old file is deleted and the new one moved in; elsewhere
/// the rename File.Replace does keeps the new file's owner-only mode. Both paths are run here with each runtime's facts.
/// </summary>
public sealed class SessionFileReplacementTests : IDisposable
{
    private static readonly ClrRuntime OnWindows = new ClrRuntime(isNetFramework: true, majorVersion: 4, isWindows: true);
    private static readonly ClrRuntime OnLinux = new ClrRuntime(isNetFramework: false, majorVersion: 10, isWindows: false);

    private readonly string folder = Path.Combine(Path.GetTempPath(), "passwordsafe-replace-" + Guid.NewGuid().ToString("N"));

    public SessionFileReplacementTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void OnWindows_TheOldFileIsDeletedAndTheNewOneMovedIn_ElsewhereReplaced()
    {
        Assert.True(PreparedSessionFile.ReplacesByDeleteThenMove(OnWindows));
        Assert.True(PreparedSessionFile.ReplacesByDeleteThenMove(new ClrRuntime(false, 10, isWindows: true)));
        Assert.False(PreparedSessionFile.ReplacesByDeleteThenMove(OnLinux));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AnExistingLooserFile_IsReplacedWhole_TheNewFileKeepsItsOwnPermissions(bool windowsPath)
    {
        var path = Path.Combine(folder, "s.rdp");
        File.WriteAllText(path, "old ticket, longer than the new one");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }

        var temporary = Path.Combine(folder, ".s.rdp.tmp");
        using var file = new PreparedSessionFile(path, temporary, OwnerOnlyFile.CreateNew(temporary), windowsPath ? OnWindows : OnLinux);

        Assert.Equal(path, file.Commit("new ticket", "rdpfile", SessionFileWriter.EndRequestSession));

        Assert.Equal("new ticket", File.ReadAllText(path));
        Assert.Equal(new[] { path }, Directory.GetFiles(folder));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }
}
