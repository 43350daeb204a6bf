import CallSimEngine
import Testing

@Suite struct OwnedBufferTests {
  @Test func growsKeepsOrderAndRemovesFromTheEnd() {
    var buffer = OwnedBuffer<Int>(capacity: 2)
    for i in 0..<1000 { buffer.append(i) }
    #expect(buffer.count == 1000)
    #expect(buffer.elements == Array(0..<1000))
    buffer[10] = -1
    #expect(buffer[10] == -1)
    #expect(buffer.removeLast() == 999)
    #expect(buffer.count == 999)
    buffer.removeAll()
    #expect(buffer.count == 0)
  }

  @Test func repeatingAndSequenceInitialisers() {
    let zeros = OwnedBuffer(repeating: 0.0, count: 5)
    #expect(zeros.elements == [0, 0, 0, 0, 0])
    let empty = OwnedBuffer<UInt32>([])
    #expect(empty.count == 0)
  }

  /// `take()` moves the elements (and their memory) out, leaving an empty, usable store; a
  /// ``FrozenBuffer`` then keeps them, read-only.
  @Test func takeMovesAndFrozenBufferKeeps() {
    var buffer = OwnedBuffer(0..<100)
    let taken = buffer.take()
    #expect(buffer.count == 0)
    buffer.append(7)
    #expect(buffer.elements == [7])
    #expect(taken.elements == Array(0..<100))
    let frozen = FrozenBuffer(taken)
    #expect(frozen.count == 100 && Array(frozen) == Array(0..<100) && frozen[42] == 42)
    #expect(frozen == FrozenBuffer(OwnedBuffer(0..<100)))
    #expect(frozen != FrozenBuffer(OwnedBuffer(0..<99)))
    #expect(FrozenBuffer<Int>().isEmpty)
  }
}
