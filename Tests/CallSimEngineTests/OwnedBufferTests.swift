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
}
