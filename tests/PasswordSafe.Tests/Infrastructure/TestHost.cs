using System;
using System.Globalization;
using System.Management.Automation.Host;

namespace PasswordSafe.Tests.Infrastructure;

/// <summary>
/// A PowerShell host whose UI records everything the module shows and answers prompts from a queue,
/// so tests can see exactly what a user at the console would see (and what must never be shown).
/// </summary>
public sealed class TestHost : PSHost
{
    private readonly Guid instanceId = Guid.NewGuid();

    public TestHost(bool interactive) => UserInterface = new TestHostUserInterface(interactive);

    /// <summary>The recording UI, typed, for assertions.</summary>
    public TestHostUserInterface UserInterface { get; }

    public override PSHostUserInterface UI => UserInterface;

    public override string Name => "PasswordSafeTestHost";

    public override Version Version => new(1, 0);

    public override Guid InstanceId => instanceId;

    public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;

    public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;

    public override void SetShouldExit(int exitCode)
    {
    }

    public override void EnterNestedPrompt() => throw new NotSupportedException("Nested prompts are not part of these tests.");

    public override void ExitNestedPrompt() => throw new NotSupportedException("Nested prompts are not part of these tests.");

    public override void NotifyBeginApplication()
    {
    }

    public override void NotifyEndApplication()
    {
    }
}
