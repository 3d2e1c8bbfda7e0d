namespace Warehouse.Exports;

/// <summary>
/// The page buffer as Parquet.Net sees it: write-only and not seekable, so the writer counts file offsets itself
/// (its metered stream) instead of reading the buffer's position, which goes back to 0 every time the buffer is
/// sent. Disposing it leaves the buffer open: the streamer owns the buffer.
/// </summary>
internal sealed class ForwardOnlySink(Stream buffer) : Stream
{
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] bytes, int offset, int count) => buffer.Write(bytes, offset, count);
    public override void Write(ReadOnlySpan<byte> bytes) => buffer.Write(bytes);
    public override void WriteByte(byte value) => buffer.WriteByte(value);

    public override Task WriteAsync(byte[] bytes, int offset, int count, CancellationToken cancellationToken)
    {
        buffer.Write(bytes, offset, count);
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken = default)
    {
        buffer.Write(bytes.Span);
        return ValueTask.CompletedTask;
    }

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public override int Read(byte[] bytes, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
