using System;
using System.Management.Automation.Host;

namespace PasswordSafe.Tests.Infrastructure;

/// <summary>A fixed 200-column console so formatting (Out-Host, Format-List views) has a width to work with.</summary>
public sealed class TestHostRawUserInterface : PSHostRawUserInterface
{
    public override ConsoleColor BackgroundColor { get; set; } = ConsoleColor.Black;

    public override ConsoleColor ForegroundColor { get; set; } = ConsoleColor.Gray;

    public override Size BufferSize { get; set; } = new(200, 3000);

    public override Coordinates CursorPosition { get; set; }

    public override int CursorSize { get; set; } = 1;

    public override bool KeyAvailable => false;

    public override Size MaxPhysicalWindowSize => new(200, 100);

    public override Size MaxWindowSize => new(200, 100);

    public override Coordinates WindowPosition { get; set; }

    public override Size WindowSize { get; set; } = new(200, 100);

    public override string WindowTitle { get; set; } = "PasswordSafe tests";

    public override void FlushInputBuffer()
    {
    }

    public override BufferCell[,] GetBufferContents(Rectangle rectangle) => new BufferCell[0, 0];

    public override KeyInfo ReadKey(ReadKeyOptions options) =>
        throw new NotSupportedException("The test host has no keyboard.");

    public override void ScrollBufferContents(Rectangle source, Coordinates destination, Rectangle clip, BufferCell fill)
    {
    }

    public override void SetBufferContents(Coordinates origin, BufferCell[,] contents)
    {
    }

    public override void SetBufferContents(Rectangle rectangle, BufferCell fill)
    {
    }
}
